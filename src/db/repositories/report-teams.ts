import type { Db } from '../connection.ts';
import type { Team } from './teams.ts';

/** The teams of a few people (a report's page), each person's by name. */
export async function teamsOfPeople(db: Db, organisationId: string, personIds: readonly string[]): Promise<Map<string, Team[]>> {
  if (!personIds.length) return new Map();
  const rows = await db
    .selectFrom('team_members')
    .innerJoin('teams', 'teams.id', 'team_members.team_id')
    .select(['team_members.person_id', 'teams.id', 'teams.name'])
    .where('team_members.organisation_id', '=', organisationId)
    .where('teams.organisation_id', '=', organisationId)
    .where('team_members.person_id', 'in', personIds)
    .orderBy('teams.name')
    .execute();
  const byPerson = new Map<string, Team[]>();
  for (const row of rows) byPerson.set(row.person_id, [...(byPerson.get(row.person_id) ?? []), { id: row.id, name: row.name }]);
  return byPerson;
}

/** The names of those of `teamIds` that have an active member (what a team manager's report says it is limited to), by name. */
export async function teamsWithActiveMembers(db: Db, organisationId: string, teamIds: readonly string[]): Promise<string[]> {
  if (!teamIds.length) return [];
  const rows = await db
    .selectFrom('teams')
    .select('teams.name')
    .where('teams.organisation_id', '=', organisationId)
    .where('teams.id', 'in', teamIds)
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom('team_members')
          .innerJoin('people', 'people.id', 'team_members.person_id')
          .select('team_members.person_id')
          .where('team_members.organisation_id', '=', organisationId)
          .where('people.organisation_id', '=', organisationId)
          .whereRef('team_members.team_id', '=', 'teams.id')
          .where('people.active', '=', true),
      ),
    )
    .orderBy('teams.name')
    .execute();
  return rows.map((r) => r.name);
}
