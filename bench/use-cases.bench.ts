/**
 * Latency of logging a training end to end in the core (read the text, open the draft, confirm:
 * insert the entry and its audit event, recompute the status), and of a status check.
 * `npm run bench:db` (embedded) or `DATABASE_URL=… npm run bench:db`.
 */
import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import { silentLogger } from '../src/log.ts';
import { confirmDraft } from '../src/use-cases/confirm-draft.ts';
import type { CoreDeps } from '../src/use-cases/deps.ts';
import { getStatus } from '../src/use-cases/get-status.ts';
import { identify } from '../src/use-cases/identify.ts';
import { logTraining } from '../src/use-cases/log-training.ts';
import { saveCredential } from '../src/use-cases/save-credential.ts';
import { benchDatabase, percentile } from './database.ts';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 200);
const database = await benchDatabase();
const deps: CoreDeps = { db: database.db, clock: { now: () => DateTime.fromISO('2026-11-27T15:00:00Z', { zone: 'utc' }) }, log: silentLogger };
const who = { platform: 'bench', organisationExternalId: randomUUID(), organisationName: 'Bench', organisationTimeZone: 'UTC', userExternalId: 'u', displayName: 'Bench', timeZone: 'America/New_York', source: 'cli' } as const;
const { actor } = await identify(deps, who);
await saveCredential(deps, actor, { number: 'CMSS-1', issuedOn: '2026-01-15' });

async function time(run: (i: number) => Promise<unknown>): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < ROUNDS; i += 1) {
    const start = performance.now();
    await run(i);
    samples.push(performance.now() - start);
  }
  return samples.sort((a, b) => a - b);
}

const log = await time(async (i) => {
  await logTraining(deps, actor, `MLN course "Bench Course ${i}" 45 min yesterday`);
  await confirmDraft(deps, actor);
});
const status = await time(() => getStatus(deps, actor));
// Every message starts here: a known person whose name and zone did not change.
const identified = await time(() => identify(deps, who));
console.log(`Node ${process.version}, ${database.label}, ${ROUNDS} rounds each (the ledger grows to ${ROUNDS} entries)`);
console.log('| operation | p50 ms | p99 ms |\n|---|---|---|');
for (const [name, samples] of [['log + confirm a training', log], ['status', status], ['identify a known person', identified]] as const) {
  console.log(`| ${name} | ${percentile(samples, 50).toFixed(1)} | ${percentile(samples, 99).toFixed(1)} |`);
}
await database.close();
