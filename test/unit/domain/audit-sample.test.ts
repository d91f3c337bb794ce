import { describe, expect, it } from 'vitest';
import { countAudit, drawSample, mulberry32, sampleSize } from '../../../src/domain/audit.ts';

const people = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `p-${String(i).padStart(4, '0')}` }));

describe('audit sampling', () => {
  it('mulberry32 is a pure function of its seed (the first numbers of seed 1234, pinned)', () => {
    const a = mulberry32(1234);
    const b = mulberry32(1234);
    const first = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(first);
    expect(first.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(mulberry32(1235)()).not.toBe(first[0]);
  });

  it('draws the same sample from the same seed and people, whatever order they were read in', () => {
    const roster = people(40);
    const sample = drawSample(roster, 25, 1234);
    expect(sample).toHaveLength(10);
    expect(drawSample([...roster].reverse(), 25, 1234)).toEqual(sample);
    expect(new Set(sample.map((p) => p.id)).size).toBe(10);
    expect(drawSample(roster, 25, 99).map((p) => p.id)).not.toEqual(sample.map((p) => p.id));
  });

  it('takes at least one person when anyone qualifies, rounds up, and never more than everyone', () => {
    expect(sampleSize(0, 25)).toBe(0);
    expect(sampleSize(1, 1)).toBe(1);
    expect(sampleSize(3, 25)).toBe(1);
    expect(sampleSize(5, 25)).toBe(2);
    expect(sampleSize(7, 100)).toBe(7);
    expect(drawSample(people(3), 100, 7).map((p) => p.id).sort()).toEqual(['p-0000', 'p-0001', 'p-0002']);
    expect(drawSample([], 50, 7)).toEqual([]);
  });

  it('picks everyone about equally often over many seeds (no one is favoured by their place in the list)', () => {
    const roster = people(10);
    const hits = new Map(roster.map((p) => [p.id, 0]));
    for (let seed = 0; seed < 5000; seed += 1) for (const p of drawSample(roster, 20, seed)) hits.set(p.id, (hits.get(p.id) ?? 0) + 1);
    // 5000 draws × 2 of 10 = 1000 expected each; ±15 % is far outside chance for a fair shuffle.
    for (const n of hits.values()) expect(Math.abs(n - 1000)).toBeLessThan(150);
  });

  it('counts people answered (nothing outstanding, including no entries) and entries by status', () => {
    const counts = countAudit(['a', 'b', 'c'], [
      { personId: 'a', status: 'answered' },
      { personId: 'a', status: 'requested' },
      { personId: 'b', status: 'answered' },
      { personId: 'b', status: 'waived' },
    ]);
    expect(counts).toEqual({ people: 3, peopleAnswered: 2, items: 4, answered: 2, outstanding: 1, waived: 1 });
  });
});
