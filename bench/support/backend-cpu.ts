import { readFile } from 'node:fs/promises';
import { sql } from 'kysely';
import type { Db } from '../../src/db/connection.ts';

/** Linux's clock ticks per second for /proc/<pid>/stat's utime and stime (`getconf CLK_TCK`). */
const TICKS_PER_SECOND = 100;

/**
 * The CPU time, in ms, the PostgreSQL backend serving `db` (a pool of ONE connection) spends on
 * `rounds` runs of `work`: read from /proc/<backend pid>/stat before and after, so it does not
 * depend on how busy the machine is (a wall-clock time does). 10 ms resolution over all the rounds.
 * Null when the server is not on this machine (no such process) — PGlite runs in this process.
 */
export async function backendCpuMs(db: Db, rounds: number, work: () => Promise<void>): Promise<number | null> {
  const pid = (await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(db)).rows[0]?.pid;
  const ticks = async (): Promise<number | null> => {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => null);
    // Fields after the parenthesised command: state is field 3, utime 14, stime 15.
    const fields = stat?.slice(stat.lastIndexOf(')') + 2).split(' ');
    return fields ? Number(fields[11]) + Number(fields[12]) : null;
  };
  const before = await ticks();
  for (let i = 0; i < rounds; i += 1) await work();
  const after = await ticks();
  return before === null || after === null ? null : ((after - before) * 1000) / TICKS_PER_SECOND / rounds;
}
