import { benchPlanning } from './reminders-plan.ts';
import { benchSending, SPREADS } from './reminders-send.ts';

/**
 * `npm run bench:reminders` (PostgreSQL: DATABASE_URL names a throwaway database, e.g.
 * postgres://postgres@127.0.0.1:5432/bench_reminders; a sibling `<name>_100k` must exist too).
 * BENCH_PART=plan|send|both (default both), BENCH_ROUNDS planning rounds (default 5).
 *
 * Planning: one run over 1,000 organisations with 300 certificates due, at 100k and 1M stored
 * certificates: the run should cost what is due, not what is stored. Sending: 5,000 deliveries due
 * at one instant, through the Slack adapter's outbound port to a stand-in Slack on 127.0.0.1 that
 * allows one post per second per channel (429 + Retry-After otherwise), in two spreads
 * (`BENCH_SPREAD=one|20` for one of them); lateness is each post's finish minus its due time.
 */
async function main(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('Set DATABASE_URL to a throwaway PostgreSQL database (the bench fills it).');
  const part = process.env.BENCH_PART ?? 'both';
  const rounds = Number(process.env.BENCH_ROUNDS ?? 5);
  if (part === 'plan' || part === 'both') await benchPlanning(url, rounds);
  if (part === 'send' || part === 'both') {
    console.log('\n| spread (5,000 deliveries due at once) | total | lateness p50 / p99 / max | sent | 429s | put back in line | CPU per post |');
    console.log('|---|---|---|---|---|---|---|');
    for (const spread of SPREADS.filter((s) => !process.env.BENCH_SPREAD || s.name.startsWith(process.env.BENCH_SPREAD))) await benchSending(url, spread);
  }
}

await main();
