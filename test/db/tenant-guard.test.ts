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
    ['join that scopes only one of its two tenant tables', () => database.current.db.selectFrom('trainings').innerJoin('people', (j) => j.onRef('people.id', '=', 'trainings.person_id').on('people.organisation_id', '=', ORG)).selectAll()],
    ['filter that excludes one organisation instead of naming one', () => database.current.db.selectFrom('trainings').selectAll().where('organisation_id', '!=', ORG)],
    ['subquery on a tenant table without its own filter', () => database.current.db.selectFrom('people').select((eb) => eb.selectFrom('trainings').select('title').whereRef('trainings.person_id', '=', 'people.id').limit(1).as('t')).where('people.organisation_id', '=', ORG)],
  ])('refuses an unscoped %s on a tenant table', async (_name, query) => {
    await expect(query().execute()).rejects.toBeInstanceOf(UnscopedQueryError);
  });

  it.each([
    ['scoped select', () => database.current.db.selectFrom('trainings').selectAll().where('organisation_id', '=', ORG)],
    ['scoped update', () => database.current.db.updateTable('trainings').set({ title: 'x' }).where('organisation_id', '=', ORG)],
    ['scoped join', () => database.current.db.selectFrom('trainings').innerJoin('people', (j) => j.onRef('people.id', '=', 'trainings.person_id').on('people.organisation_id', '=', ORG)).selectAll().where('trainings.organisation_id', '=', ORG)],
    ['scoped aliased subquery', () => database.current.db.selectFrom('people as p').select((eb) => eb.selectFrom('trainings as t').select('t.title').whereRef('t.person_id', '=', 'p.id').where('t.organisation_id', '=', ORG).limit(1).as('x')).where('p.organisation_id', '=', ORG)],
    ['organisation in a list', () => database.current.db.selectFrom('trainings').selectAll().where('organisation_id', 'in', [ORG])],
    ['global table', () => database.current.db.selectFrom('organisations').selectAll()],
  ])('lets a %s through', async (_name, query) => {
    await expect(query().execute()).resolves.toBeInstanceOf(Array);
  });

  it('requires organisation_id on inserts into tenant tables', async () => {
    const insert = database.current.db.insertInto('credential_types').values({ code: 'X', rules: '{}', created_at: new Date() } as never);
    await expect(insert.execute()).rejects.toBeInstanceOf(UnscopedQueryError);
  });
});
