import { sql } from 'kysely';
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

describe('the tenant guard, in every place a query can hide', () => {
  const db = () => database.current.db;
  it.each([
    ['subquery in a WHERE … IN', () => db().selectFrom('people').select('id').where('organisation_id', '=', ORG).where('id', 'in', db().selectFrom('trainings').select('person_id'))],
    ['subquery inside a raw SQL condition', () => db().selectFrom('people').select('id').where('organisation_id', '=', ORG).where(sql<boolean>`exists (${db().selectFrom('drafts').select('id')})`)],
    ['derived table in FROM', () => db().selectFrom(db().selectFrom('trainings').select('title').as('t')).selectAll()],
    ['join on a tenant table scoped in WHERE for the other table only', () => db().selectFrom('trainings').innerJoin('people', 'people.id', 'trainings.person_id').selectAll().where('trainings.organisation_id', '=', ORG)],
    ['update whose WHERE subquery is unscoped', () => db().updateTable('trainings').set({ title: 'x' }).where('organisation_id', '=', ORG).where('person_id', 'in', db().selectFrom('people').select('id'))],
    ['delete with an unscoped USING table', () => db().deleteFrom('drafts').using('people').whereRef('people.id', '=', 'drafts.person_id').where('drafts.organisation_id', '=', ORG)],
    ['insert … select from an unscoped table', () => db().insertInto('credential_types').columns(['organisation_id', 'code', 'rules', 'created_at']).expression(db().selectFrom('credential_types').select(['organisation_id', 'code', 'rules', 'created_at']))],
  ])('refuses a %s', async (_name, query) => {
    // A subquery is checked on its own when the outer query is built, so building may already throw.
    await expect((async () => query().execute())()).rejects.toBeInstanceOf(UnscopedQueryError);
  });

  it.each([
    ['scoped subquery in a WHERE … IN', () => db().selectFrom('people').select('id').where('organisation_id', '=', ORG).where('id', 'in', db().selectFrom('trainings').select('person_id').where('organisation_id', '=', ORG))],
    ['scoped derived table', () => db().selectFrom(db().selectFrom('trainings').select('title').where('organisation_id', '=', ORG).as('t')).selectAll()],
    ['value that looks like a query node (data is never SQL)', () => db().selectFrom('drafts').select('id').where('organisation_id', '=', ORG).where('payload', '=', JSON.stringify({ kind: 'SelectQueryNode' }))],
  ])('lets a %s through', async (_name, query) => {
    await expect(query().execute()).resolves.toBeInstanceOf(Array);
  });
});
