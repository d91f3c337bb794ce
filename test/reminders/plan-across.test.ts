import { CompiledQuery, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { planRun, type PlanRun } from '../../src/reminders/plan-run.ts';
import { saveCredential } from '../../src/use-cases/save-credential.ts';
import { testDeps, type TestDeps } from '../builders/deps.ts';
import { givenCertified, givenChannel, givenRemindedOrganisation, subscription } from '../builders/reminders.ts';
import { QueryRecorder } from '../fakes/query-recorder.ts';
import { useTestDatabase } from '../support/test-database.ts';

const database = useTestDatabase();

/** A run's deliveries as comparable data, by key. */
function deliveriesOf(run: PlanRun): unknown[] {
  return run.deliveries
    .map(({ organisationId, platform, delivery }) => ({ organisationId, platform, key: delivery.key, kind: delivery.kind, target: delivery.target, dueAt: delivery.dueAt.toISO(), people: [...delivery.people].sort((a, b) => a.personId.localeCompare(b.personId)) }))
    .sort((a, b) => a.key.localeCompare(b.key));
}

/** An organisation with people at several steps, a renewal, a snooze, and a channel limited to a team. */
async function givenBusyOrganisation(deps: TestDeps, zone: string): Promise<string> {
  const org = await givenRemindedOrganisation(deps, zone);
  const due = [await givenCertified(deps, org, 'Ana', '2026-08-31'), await givenCertified(deps, org, 'Ben', '2026-08-01', 'Europe/London'), await givenCertified(deps, org, 'Cy', '2026-07-02')];
  const renewed = await givenCertified(deps, org, 'Dee', '2026-08-31');
  await saveCredential(deps, renewed, { number: 'CMSS-RENEWED', issuedOn: '2026-06-01', expiresOn: '2027-06-01' });
  await givenCertified(deps, org, 'Eve', '2026-06-25'); // expired a week ago: the first weekly step
  const snoozed = await givenCertified(deps, org, 'Flo', '2026-08-31');
  const now = deps.clock.now().toJSDate();
  await deps.db.insertInto('reminder_snoozes').values({ organisation_id: org.organisationId, person_id: snoozed.personId, until_date: '2026-07-04', created_at: now }).execute();
  const team = await deps.db.insertInto('teams').values({ organisation_id: org.organisationId, name: 'Night shift', created_at: now }).returning('id').executeTakeFirstOrThrow();
  for (const person of due.slice(0, 2)) await deps.db.insertInto('team_members').values({ organisation_id: org.organisationId, team_id: team.id, person_id: person.personId, added_at: now }).execute();
  await givenChannel(deps, org.organisationId, org.platform, 'ALL');
  await givenChannel(deps, org.organisationId, org.platform, 'NIGHT', subscription({ teamId: team.id }));
  return org.organisationId;
}

describe('planning every organisation at once', () => {
  it('plans exactly what planning each organisation on its own plans', async () => {
    const deps = testDeps(database.current.db, '2026-06-01T12:00:00Z');
    const orgs = [await givenBusyOrganisation(deps, 'America/New_York'), await givenBusyOrganisation(deps, 'Europe/London'), await givenBusyOrganisation(deps, 'America/Los_Angeles')];
    deps.clock.set('2026-07-02T17:00:00Z'); // 13:00 New York, 18:00 London, 10:00 Los Angeles: today's 09:00 steps are due
    const together = await planRun(deps, deps.clock.now());
    const alone = await Promise.all(orgs.map((organisationId) => planRun(deps, deps.clock.now(), { organisationId })));
    const expected = alone.flatMap((run) => deliveriesOf(run)).sort((a, b) => ((a as { key: string }).key).localeCompare((b as { key: string }).key));
    expect(deliveriesOf(together)).toEqual(expected);
    // Each organisation: DMs for Ana (60 days), Ben (30), Cy (the day), Eve (a week after); both channels.
    for (const run of alone) expect(run.deliveries.map((d) => d.delivery.kind).sort()).toEqual(['channel-digest', 'channel-digest', 'dm', 'dm', 'dm', 'dm']);
    expect(together.deliveries).toHaveLength(18);
  });

  it('reads the people due by index: no sequential scan but of the organisations and their settings', async () => {
    const deps = testDeps(database.current.db, '2026-06-01T12:00:00Z');
    for (const zone of ['America/New_York', 'Europe/London']) await givenBusyOrganisation(deps, zone);
    deps.clock.set('2026-07-02T17:00:00Z');
    const recorder = new QueryRecorder();
    await planRun({ ...deps, db: deps.db.withPlugin(recorder) }, deps.clock.now());
    expect(recorder.queries.length).toBeGreaterThanOrEqual(7);
    // With sequential scans off, the planner still picks one only where no index can serve the query.
    const scans = await deps.db.transaction().execute(async (trx) => {
      await sql`set local enable_seqscan = off`.execute(trx);
      const found: string[] = [];
      for (const q of recorder.queries) {
        const plan = await trx.executeQuery<{ 'QUERY PLAN': string }>(CompiledQuery.raw(`explain ${q.sql}`, [...q.parameters]));
        for (const { 'QUERY PLAN': line } of plan.rows) found.push(...[.../Seq Scan on (\w+)/.exec(line) ?? []].slice(1));
      }
      return found;
    });
    // Every organisation's settings and channels are read on purpose: they grow with organisations, not certificates.
    expect(scans.filter((table) => !['organisations', 'reminder_settings', 'reminder_targets'].includes(table))).toEqual([]);
  });
});
