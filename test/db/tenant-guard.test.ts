import { describe, expect, it } from 'vitest';
import { UnscopedQueryError } from '../../src/db/tenant-guard.ts';
import { useTestDatabase } from '../support/test-database.ts';

const database = useTestDatabase();
const ORG = '00000000-0000-0000-0000-000000000001';

describe('the tenant guard', () => {
  it.each([
    ['select', () => database.current.db.selectFrom('trainings').selectAll()],
    ['select filtered on another column', () => database.current.db.selectFrom('trainings').selectAll().where('seq', '=', 1)],
    ['select that only returns organisation_id', () => database.current.db.selectFrom('people').select('organisation_id')],
    ['update', () => database.current.db.updateTable('trainings').set({ title: 'x' }).where('seq', '=', 1)],
    ['delete', () => database.current.db.deleteFrom('drafts').where('status', '=', 'open')],
    ['join of two tenant tables without a tenant filter', () => database.current.db.selectFrom('trainings').innerJoin('people', 'people.id', 'trainings.person_id').selectAll()],
  ])('refuses an unscoped %s on a tenant table', async (_name, query) => {
    await expect(query().execute()).rejects.toBeInstanceOf(UnscopedQueryError);
  });

  it.each([
    ['scoped select', () => database.current.db.selectFrom('trainings').selectAll().where('organisation_id', '=', ORG)],
    ['scoped update', () => database.current.db.updateTable('trainings').set({ title: 'x' }).where('organisation_id', '=', ORG)],
    ['scoped join', () => database.current.db.selectFrom('trainings').innerJoin('people', (j) => j.onRef('people.id', '=', 'trainings.person_id').on('people.organisation_id', '=', ORG)).selectAll()],
    ['global table', () => database.current.db.selectFrom('organisations').selectAll()],
  ])('lets a %s through', async (_name, query) => {
    await expect(query().execute()).resolves.toBeInstanceOf(Array);
  });

  it('requires organisation_id on inserts into tenant tables', async () => {
    const insert = database.current.db.insertInto('credential_types').values({ code: 'X', rules: '{}', created_at: new Date() } as never);
    await expect(insert.execute()).rejects.toBeInstanceOf(UnscopedQueryError);
  });
});
