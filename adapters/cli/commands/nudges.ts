import { DateTime } from 'luxon';
import { deliveryStatus, parseOrganisation, composeScheduled, planManagerDigests, planRun, recordPlan, ReminderSender, type CoreDeps, type OutboundPort, type PlanRun } from '../../../src/index.ts';
import { terminalOutbound } from '../../shell/outbound.ts';
import { realSleep, tickingClock } from '../ticking-clock.ts';

export const NUDGES_USAGE = `Usage:
  recert nudges plan [--now <ISO time>] [--org <slack:T… | local>]   what would be sent at that time; nothing is sent
  recert nudges run [--now <ISO time>]                                plan and send what is due then, once, and exit
  recert nudges status [--org <slack:T… | local>]                     pending, sent, unknown and failed deliveries, by target`;

export interface NudgesIo {
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
}

export interface NudgesArgs {
  readonly sub: 'plan' | 'run' | 'status';
  readonly now: DateTime | null;
  readonly org: string | null;
}

/** After sending, wait this long at most (ms) for what a 429 or a channel's pace put back in line. */
const RUN_HORIZON_MS = 120_000;

/** Check the arguments before anything opens the database: a usage error, or what to do. */
export function parseNudgesArgs(args: readonly string[]): NudgesArgs | string {
  const [sub, ...rest] = args;
  if (sub !== 'plan' && sub !== 'run' && sub !== 'status') return sub ? `Unknown nudges command "${sub}".` : 'Which nudges command?';
  let now: DateTime | null = null;
  let org: string | null = null;
  for (let i = 0; i < rest.length; i += 2) {
    const [flag, value] = [rest[i], rest[i + 1]];
    if (value === undefined) return `${flag} needs a value.`;
    if (flag === '--now' && sub !== 'status') {
      now = DateTime.fromISO(value, { setZone: true }).toUTC();
      if (!now.isValid) return `--now "${value}" is not an ISO time (e.g. 2027-03-14T13:00:00Z).`;
    } else if (flag === '--org' && sub !== 'run') org = value;
    else return `Unknown option "${flag}" for nudges ${sub}.`;
  }
  return { sub, now, org };
}

/** `recert nudges …` on an open database; `ports` are where `run` sends besides the terminal (Slack posts). */
export async function nudgesCommand(core: CoreDeps, parsed: NudgesArgs, io: NudgesIo, ports: readonly OutboundPort[]): Promise<number> {
  const now = parsed.now ?? core.clock.now();
  const organisationId = parsed.org ? await organisationIdOf(core, parsed.org) : null;
  if (parsed.org && !organisationId) return (io.err(`No organisation "${parsed.org}".`), 1);
  if (parsed.sub === 'status') return status(core, organisationId, io);
  const deps: CoreDeps = { ...core, clock: tickingClock(now) };
  const run = await planRun(deps, now, organisationId ? { organisationId } : undefined);
  if (parsed.sub === 'plan') return printPlan(run, io);
  const added = (await recordPlan(deps.db, run)) + (await planManagerDigests(deps.db, now));
  const tally = await new ReminderSender({ ...deps, ports: [...ports, terminalOutbound((text) => io.out(text))], compose: composeScheduled, sleep: realSleep }).drain(RUN_HORIZON_MS);
  io.out(`Planned ${added} new; sent ${tally.sent}, skipped ${tally.skipped}, unknown ${tally.unknown}, failed ${tally.failed + tally.permanent}, waiting ${tally['rate-limited'] + tally.requeued + tally.retry} times.`);
  return 0;
}

function printPlan(run: PlanRun, io: NudgesIo): number {
  if (run.deliveries.length === 0) io.out(`Nothing is due at ${run.now.toISO()}.`);
  for (const { platform, delivery } of run.deliveries) {
    const to = 'targetId' in delivery.target ? `channel ${delivery.target.targetId}` : `person ${delivery.target.personId}`;
    io.out(`${delivery.dueAt.toISO()}  ${platform}  ${delivery.kind}  ${to}  ${delivery.people.map((p) => p.step).join(',')}  ${delivery.key}`);
  }
  return 0;
}

async function status(deps: CoreDeps, organisationId: string | null, io: NudgesIo): Promise<number> {
  const rows = await deliveryStatus(deps.db, organisationId);
  if (rows.length === 0) io.out('No reminders have been planned yet.');
  for (const row of rows) {
    const counts = ['pending', 'sending', 'sent', 'unknown', 'failed', 'skipped'].filter((s) => row.counts[s]).map((s) => `${s} ${row.counts[s]}`);
    io.out(`${row.organisation} / ${row.target}: ${counts.join(', ')}`);
    for (const u of row.unknown) io.out(`  unknown (not resent; check by hand): ${u.key} due ${u.dueAt.toISOString()}: ${u.error ?? ''}`);
  }
  return 0;
}

async function organisationIdOf(deps: CoreDeps, text: string): Promise<string | null> {
  const key = parseOrganisation(text);
  const row = await deps.db.selectFrom('organisations').select('id').where('platform', '=', key.platform).where('external_id', '=', key.externalId).executeTakeFirst();
  return row?.id ?? null;
}
