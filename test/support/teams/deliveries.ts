import { sql } from 'kysely';
import type { ComposeFn } from '../../../src/reminders/send.ts';
import type { ReminderMessage } from '../../../src/reminders/messages.ts';
import type { Db } from '../../../src/db/connection.ts';
import { SERVICE_URL, BOT } from './harness.ts';

/** A Teams organisation with people (each with a stored personal chat) and due deliveries, written as rows. */
export interface SeededTenant {
  readonly organisationId: string;
  /** The channel target's conversation id, when channel deliveries were asked for. */
  readonly channel: string;
}

/**
 * `people` people with a personal chat each, one DM due for each, and `channelDigests` deliveries
 * due to one channel target: the engine and the port are under test, not the planner.
 */
export async function seedTeamsTenant(db: Db, tenant: string, people: number, channelDigests: number, due: Date): Promise<SeededTenant> {
  const org = await sql<{ id: string }>`insert into organisations (platform, external_id, name, time_zone, created_at) values ('teams', ${tenant}, ${tenant}, 'UTC', now()) returning id`.execute(db);
  const organisationId = org.rows[0]?.id ?? '';
  await sql`insert into people (organisation_id, platform_user_id, display_name, role, created_at)
    select ${organisationId}, 'aad-' || i, 'Person ' || i, 'scribe', now() from generate_series(1, ${people}) i`.execute(db);
  await sql`insert into teams_conversations (organisation_id, conversation_id, conversation_type, service_url, tenant_id, bot_id, aad_object_id, reference, active, updated_at)
    select ${organisationId}, 'a:personal-' || p.platform_user_id, 'personal', ${SERVICE_URL}::text, ${tenant}::text, ${BOT}::text, p.platform_user_id,
      json_build_object('channelId', 'msteams', 'serviceUrl', ${SERVICE_URL}::text, 'bot', json_build_object('id', ${BOT}::text), 'conversation', json_build_object('id', 'a:personal-' || p.platform_user_id, 'conversationType', 'personal'))::text, true, now()
    from people p where p.organisation_id = ${organisationId}`.execute(db);
  await sql`insert into reminder_deliveries (organisation_id, key, kind, platform, person_id, plan, due_at, status, available_at, planned_at)
    select ${organisationId}, 'dm:' || p.id, 'dm', 'teams', p.id, '{"people":[]}', ${due}, 'pending', ${due}, now() from people p where p.organisation_id = ${organisationId}`.execute(db);
  const channel = `19:${tenant}@thread.tacv2`;
  if (channelDigests > 0) {
    const target = await sql<{ id: string }>`insert into reminder_targets (organisation_id, platform, address, name, subscription, active, created_at, updated_at)
      values (${organisationId}, 'teams', ${channel}, '#General', '{}', true, now(), now()) returning id`.execute(db);
    await sql`insert into reminder_deliveries (organisation_id, key, kind, platform, target_id, plan, due_at, status, available_at, planned_at)
      select ${organisationId}, 'digest:' || i, 'channel-digest', 'teams', ${target.rows[0]?.id ?? ''}, '{"people":[]}', ${due}, 'pending', ${due}, now() from generate_series(1, ${channelDigests}) i`.execute(db);
  }
  return { organisationId, channel };
}

/** The engine is under test, not the words: every claimed delivery gets a small message of its kind. */
export const smallMessages: ComposeFn = async (_deps, _org, deliveries) =>
  deliveries.map((delivery) => {
    const row = { personId: delivery.personId ?? '', platformUserId: 'aad-x', displayName: 'Someone', teams: [], state: 'at_risk' as const, reasons: [], certificate: null, earned: 0, required: 12 };
    const message: ReminderMessage = delivery.targetId
      ? { kind: 'reminder-digest', channelName: '#General', team: null, asOf: '2027-01-01', private: true, rows: [], people: 1 }
      : { kind: 'reminder-dm', asOf: '2027-01-01', offsetDays: -30, snoozeDays: 3, row };
    return { delivery, message };
  });
