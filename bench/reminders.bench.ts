import { benchPlanning } from './reminders-plan.ts';

/**
 * `npm run bench:reminders` (PostgreSQL: DATABASE_URL names a throwaway database, e.g.
 * postgres://postgres@127.0.0.1:5432/bench_reminders; a sibling `<name>_100k` must exist too).
 * BENCH_PART=plan|send|both (default both), BENCH_ROUNDS planning rounds (default 5).
 *
 * Planning: one run over 1,000 organisations with 300 certificates due, at 100k and 1M stored
 * certificates: the run should cost what is due, not what is stored.
 */
async function main(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('Set DATABASE_URL to a throwaway PostgreSQL database (the bench fills it).');
  const part = process.env.BENCH_PART ?? 'both';
  const rounds = Number(process.env.BENCH_ROUNDS ?? 5);
  if (part === 'plan' || part === 'both') await benchPlanning(url, rounds);
}

await main();
