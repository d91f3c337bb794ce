import { sql } from 'kysely';
import type { Db } from '../connection.ts';
import { scopeOperator, scopeValue, type TenantScope } from './tenant-scope.ts';

export interface Team {
  readonly id: string;
  readonly name: string;
}

/** The organisation's team of that name, matched without regard to case. */
export async function findTeamByName(db: Db, organisationId: string, name: string): Promise<Team | undefined> {
  return db
    .selectFrom('teams')
    .select(['id', 'name'])
    .where('organisation_id', '=', organisationId)
    .where(sql<string>`lower(name)`, '=', name.toLowerCase())
    .executeTakeFirst();
}

/** Find or create the team (two concurrent creations agree on one row). */
export async function ensureTeam(db: Db, organisationId: string, name: string, now: Date): Promise<{ team: Team; created: boolean }> {
  const inserted = await db
    .insertInto('teams')
    .values({ organisation_id: organisationId, name, created_at: now })
    .onConflict((oc) => oc.expression(sql`organisation_id, lower(name)`).doNothing())
    .returning(['id', 'name'])
    .executeTakeFirst();
  if (inserted) return { team: inserted, created: true };
  const existing = await findTeamByName(db, organisationId, name);
  if (!existing) throw new Error(`team ${name} vanished while being created`);
  return { team: existing, created: false };
}

export async function listTeams(db: Db, organisationId: string): Promise<(Team & { members: number })[]> {
  const rows = await db
    .selectFrom('teams')
    .leftJoin('team_members', (join) => join.onRef('team_members.team_id', '=', 'teams.id').on('team_members.organisation_id', '=', organisationId))
    .select(['teams.id', 'teams.name', (eb) => eb.fn.count<string>('team_members.person_id').as('members')])
    .where('teams.organisation_id', '=', organisationId)
    .groupBy(['teams.id', 'teams.name'])
    .orderBy('teams.name')
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.name, members: Number(r.members) }));
}

/** Add members; false for each who already was one. */
export async function addTeamMembers(db: Db, organisationId: string, teamId: string, personIds: readonly string[], now: Date): Promise<string[]> {
  if (personIds.length === 0) return [];
  const rows = await db
    .insertInto('team_members')
    .values(personIds.map((personId) => ({ organisation_id: organisationId, team_id: teamId, person_id: personId, added_at: now })))
    .onConflict((oc) => oc.columns(['team_id', 'person_id']).doNothing())
    .returning('person_id')
    .execute();
  return rows.map((r) => r.person_id);
}

export async function removeTeamMembers(db: Db, organisationId: string, teamId: string, personIds: readonly string[]): Promise<string[]> {
  if (personIds.length === 0) return [];
  const rows = await db
    .deleteFrom('team_members')
    .where('organisation_id', '=', organisationId)
    .where('team_id', '=', teamId)
    .where('person_id', 'in', [...personIds])
    .returning('person_id')
    .execute();
  return rows.map((r) => r.person_id);
}

/** Team ids of each of `personIds` (people in no team are absent), in one organisation or several. */
export async function teamsOf(db: Db, scope: TenantScope, personIds: readonly string[]): Promise<Map<string, string[]>> {
  const byPerson = new Map<string, string[]>();
  if (personIds.length === 0) return byPerson;
  const rows = await db
    .selectFrom('team_members')
    .select(['person_id', 'team_id'])
    .where('organisation_id', scopeOperator(scope), scopeValue(scope))
    .where('person_id', 'in', [...personIds])
    .execute();
  for (const row of rows) byPerson.set(row.person_id, [...(byPerson.get(row.person_id) ?? []), row.team_id]);
  return byPerson;
}

/** A manager's teams (none: the whole organisation). */
export async function managedTeams(db: Db, organisationId: string, personId: string): Promise<Team[]> {
  return db
    .selectFrom('manager_scopes')
    .innerJoin('teams', 'teams.id', 'manager_scopes.team_id')
    .select(['teams.id', 'teams.name'])
    .where('manager_scopes.organisation_id', '=', organisationId)
    .where('teams.organisation_id', '=', organisationId)
    .where('manager_scopes.person_id', '=', personId)
    .orderBy('teams.name')
    .execute();
}

/** Limit a manager to exactly `teamIds` (an empty list: the whole organisation). */
export async function setManagedTeams(db: Db, organisationId: string, personId: string, teamIds: readonly string[]): Promise<void> {
  await db.deleteFrom('manager_scopes').where('organisation_id', '=', organisationId).where('person_id', '=', personId).execute();
  if (teamIds.length === 0) return;
  await db
    .insertInto('manager_scopes')
    .values(teamIds.map((teamId) => ({ organisation_id: organisationId, person_id: personId, team_id: teamId })))
    .execute();
}

/** Every membership of the organisation: person id → their teams (ids and names). */
export async function membershipsOf(db: Db, organisationId: string): Promise<Map<string, Team[]>> {
  const rows = await db
    .selectFrom('team_members')
    .innerJoin('teams', 'teams.id', 'team_members.team_id')
    .select(['team_members.person_id', 'teams.id', 'teams.name'])
    .where('team_members.organisation_id', '=', organisationId)
    .where('teams.organisation_id', '=', organisationId)
    .orderBy('teams.name')
    .execute();
  const byPerson = new Map<string, Team[]>();
  for (const row of rows) byPerson.set(row.person_id, [...(byPerson.get(row.person_id) ?? []), { id: row.id, name: row.name }]);
  return byPerson;
}

/** One person's teams, by name: what a roster row compares its `team` column with (not the whole organisation's). */
export async function teamNamesOf(db: Db, organisationId: string, personId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('team_members')
    .innerJoin('teams', 'teams.id', 'team_members.team_id')
    .select('teams.name')
    .where('team_members.organisation_id', '=', organisationId)
    .where('teams.organisation_id', '=', organisationId)
    .where('team_members.person_id', '=', personId)
    .orderBy('teams.name')
    .execute();
  return rows.map((row) => row.name);
}
