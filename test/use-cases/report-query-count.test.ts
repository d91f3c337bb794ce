import { describe, expect, it } from 'vitest';
import { buildComplianceReport, getComplianceReport } from '../../src/use-cases/report/compliance-report.ts';
import { testDeps } from '../builders/deps.ts';
import { planOrganisation } from '../builders/random-organisation.ts';
import { seedOrganisation } from '../builders/seed-organisation.ts';
import { QueryCounter } from '../fakes/query-counter.ts';
import { useTestDatabase } from '../support/test-database.ts';

/**
 * Issue 7, "standings for many people at once" (review 7: nothing counted it): the report reads an
 * organisation in a fixed number of set-based queries, not four per person — the same count for
 * 15 people as for 60, once the standings are current (the first report brings them up to date).
 */
const database = useTestDatabase();

async function queriesFor(people: number, seed: number): Promise<{ page: number; whole: number }> {
  const deps = testDeps(database.current.db, '2026-11-27T15:00:00Z');
  const seeded = await seedOrganisation(deps, planOrganisation(seed, '2026-11-27', { people, maxEntries: 6 }));
  await buildComplianceReport(deps, seeded.admin, { everyone: true });
  const counter = new QueryCounter();
  const counted = { ...deps, db: database.current.db.withPlugin(counter) };
  await getComplianceReport(counted, seeded.admin, {}, 1);
  const page = counter.kinds.length;
  counter.reset();
  await buildComplianceReport(counted, seeded.admin, { everyone: true });
  return { page, whole: counter.kinds.length };
}

describe('the report’s queries do not grow with the organisation', () => {
  it('the same number of queries for 15 people as for 60 (chat page and the whole report)', async () => {
    const small = await queriesFor(15, 21);
    const large = await queriesFor(60, 22);
    expect(large.page).toBe(small.page);
    expect(large.whole).toBe(small.whole);
    expect(large.whole).toBeLessThan(30);
  }, 120_000);
});
