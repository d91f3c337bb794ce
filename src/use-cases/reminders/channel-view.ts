import { standingOn } from '../../domain/compliance.ts';
import type { Actor } from '../../domain/people.ts';
import type { Db } from '../../db/connection.ts';
import { findOrganisationZone } from '../../db/repositories/lookup.ts';
import { findManagerDigest, readDmPolicy, type StoredTarget } from '../../db/repositories/reminder-settings.ts';
import { listTeams } from '../../db/repositories/teams.ts';
import { nextSends, subscriptionOf } from '../../reminders/next-sends.ts';
import type { ReminderReply } from '../../reminders/replies.ts';
import type { CoreDeps } from '../deps.ts';
import { currentStandings } from '../report/standings.ts';

/** Where a reminder request was typed: the channel it configures (the adapter says which). */
export interface ReminderChannel {
  readonly platform: string;
  /** The platform's id of the conversation (a Slack channel id; `terminal` for the terminal). */
  readonly address: string;
  /** Its name, for people to read ("#night-shift", "this terminal"). */
  readonly name: string;
}

/** How many coming send times `remind show` lists. */
export const NEXT_SENDS_SHOWN = 5;

/** Whether people get DMs: on unless an admin or manager turned them off (`remind dms off`). */
export async function dmsOn(db: Db, organisationId: string): Promise<boolean> {
  return (await readDmPolicy(db, organisationId)) !== null;
}

/**
 * The channel's settings as a reply: its subscription (or, when it has none, what subscribing
 * would give), its next digest times, the DM policy and the asker's own weekly digest.
 */
export async function channelReply(deps: CoreDeps, actor: Actor, channel: ReminderChannel, target: StoredTarget | undefined, change: Extract<ReminderReply, { kind: 'reminders-channel' }>['change']): Promise<ReminderReply> {
  const { organisationId } = actor;
  const [orgZone, teams, dms, digest] = await Promise.all([findOrganisationZone(deps.db, organisationId), listTeams(deps.db, organisationId), dmsOn(deps.db, organisationId), findManagerDigest(deps.db, organisationId, actor.personId)]);
  const sub = subscriptionOf(target?.subscription);
  const zone = sub.zone ?? orgZone;
  const active = target?.active === true;
  const next = active ? await comingSends(deps, organisationId, sub, zone) : [];
  return {
    kind: 'reminders-channel',
    change,
    channel: {
      channelName: target?.name ?? channel.name,
      active,
      daysBefore: sub.daysBefore,
      weeklyAfterExpiry: sub.weeklyAfterExpiry,
      sendAt: sub.sendAt,
      weekdaysOnly: sub.weekdaysOnly,
      zone,
      zoneOwn: sub.zone !== null,
      team: sub.teamId === null ? null : (teams.find((t) => t.id === sub.teamId)?.name ?? null),
      private: sub.private,
    },
    next,
    dms,
    digest: digest?.active ? { weekday: digest.weekday, sendAt: digest.sendAt } : null,
  };
}

async function comingSends(deps: CoreDeps, organisationId: string, sub: ReturnType<typeof subscriptionOf>, zone: string): Promise<{ at: string; people: number }[]> {
  const standings = await currentStandings(deps, organisationId);
  const people = standings.map((s) => ({ expiresOn: s.summary.certificate?.expiresOn ?? null, teamIds: s.teams.map((t) => t.id), state: standingOn(s.summary, s.today).state }));
  return nextSends(sub, zone, people, deps.clock.now(), NEXT_SENDS_SHOWN).map((n) => ({ at: n.at.toISO() ?? '', people: n.people }));
}
