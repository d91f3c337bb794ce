import { ConfigError } from '../../src/index.ts';

/** The scheduler's settings in `recert serve` (pg-boss jobs: reminders, digests, snapshots, housekeeping). */
export interface SchedulerSettings {
  /** RECERT_SCHEDULER=off: this process runs no jobs (another process, or cron with `recert nudges run`, does). */
  readonly enabled: boolean;
  /** RECERT_SCHEDULER_POLL_SECONDS: how often (s) each worker asks pg-boss for a job; at least 0.5. */
  readonly pollSeconds: number;
}

export const DEFAULT_POLL_SECONDS = 2;

export function parseSchedulerSettings(env: Readonly<Record<string, string | undefined>>): SchedulerSettings {
  const mode = (env.RECERT_SCHEDULER ?? '').trim().toLowerCase();
  const poll = (env.RECERT_SCHEDULER_POLL_SECONDS ?? '').trim();
  const problems: string[] = [];
  if (!['', 'on', 'off'].includes(mode)) problems.push('RECERT_SCHEDULER must be on or off');
  const pollSeconds = poll ? Number(poll) : DEFAULT_POLL_SECONDS;
  if (!Number.isFinite(pollSeconds) || pollSeconds < 0.5 || pollSeconds > 60) problems.push('RECERT_SCHEDULER_POLL_SECONDS must be a number of seconds from 0.5 to 60');
  if (problems.length) throw new ConfigError(problems);
  return { enabled: mode !== 'off', pollSeconds };
}
