import type { IsoDate } from './dates.ts';

/** What an audit was narrowed to when it started (`audit start 25% expiring before … team …`). */
export interface AuditFilters {
  /** Only certificates expiring before this day (exclusive). */
  readonly expiringBefore?: IsoDate;
  /** Only members of this team (its name as stored). */
  readonly team?: string;
}

export type AuditOutcome = 'passed' | 'failed';

/** How far an audit has got: people and entries, answered and outstanding. */
export interface AuditCounts {
  readonly people: number;
  /** Sampled people with nothing outstanding. */
  readonly peopleAnswered: number;
  readonly items: number;
  readonly answered: number;
  readonly outstanding: number;
  readonly waived: number;
}

/** The largest seed: seeds are unsigned 32-bit integers (what mulberry32 takes). */
export const MAX_SEED = 0xffff_ffff;

/**
 * mulberry32: a small, fast 32-bit PRNG with a full 2^32 period — plenty to shuffle a roster, and
 * simple enough to re-implement when an auditor wants to check a sample by hand. Not for secrets.
 * Returns numbers in [0, 1).
 */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** How many of `candidates` a `percent` sample takes: rounded up, at least one when anyone qualifies. */
export function sampleSize(candidates: number, percent: number): number {
  if (candidates <= 0) return 0;
  return Math.min(candidates, Math.max(1, Math.ceil((candidates * percent) / 100)));
}

/**
 * A reproducible sample: the candidates sorted by id (so the order they were read in does not
 * matter), then the first `sampleSize` of a Fisher–Yates shuffle driven by mulberry32(seed). The
 * same seed and the same people always give the same sample, in the same order.
 */
export function drawSample<T extends { readonly id: string }>(candidates: readonly T[], percent: number, seed: number): T[] {
  const pool = [...candidates].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const size = sampleSize(pool.length, percent);
  const random = mulberry32(seed);
  for (let i = 0; i < size; i += 1) {
    const j = i + Math.floor(random() * (pool.length - i));
    const picked = pool[j] as T;
    pool[j] = pool[i] as T;
    pool[i] = picked;
  }
  return pool.slice(0, size);
}

/** Counts from item statuses grouped by person (every sampled person, even one without items). */
export function countAudit(sample: readonly string[], items: readonly { readonly personId: string; readonly status: 'requested' | 'answered' | 'waived' }[]): AuditCounts {
  const outstandingBy = new Set(items.filter((i) => i.status === 'requested').map((i) => i.personId));
  const count = (status: string) => items.filter((i) => i.status === status).length;
  return {
    people: sample.length,
    peopleAnswered: sample.filter((id) => !outstandingBy.has(id)).length,
    items: items.length,
    answered: count('answered'),
    outstanding: count('requested'),
    waived: count('waived'),
  };
}
