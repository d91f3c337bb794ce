import { ACTIVITY_KINDS, type ActivityKind } from '../../src/domain/activity-kind.ts';
import { CMSS_RULES, type CredentialRules } from '../../src/domain/credential-rules.ts';
import { awardCredit } from '../../src/domain/credit.ts';
import { addDays, addMonths, type IsoDate } from '../../src/domain/dates.ts';
import { titleKey } from '../../src/domain/title-key.ts';
import { seededRandom, type Random } from './seeded-random.ts';

/**
 * A random organisation, as plain data (seeded: the same seed gives the same organisation), made
 * to hit every rule of a standing: cycles starting and ending on every kind of day (leap days,
 * month ends, today, tomorrow, 30 and 31 days ahead), expired and not-yet-valid certificates,
 * renewals and deleted ones, the same course twice, entries outside the cycle, calls without
 * registration, lengths needing review, entries of another credential, fees paid for an older
 * certificate (the wrong cycle) or deleted, proofs removed, people in teams and people who left.
 * `test/builders/seed-organisation.ts` writes it; `expectedStanding` says what it adds up to.
 */
export interface PlannedOrganisation {
  readonly seed: number;
  readonly today: IsoDate;
  readonly teams: readonly string[];
  /** The organisation's own CMSS rules when it has them (else the built-in set); edits may change them. */
  rules: CredentialRules | null;
  readonly people: PlannedPerson[];
}

export interface PlannedPerson {
  readonly key: string;
  readonly name: string;
  readonly timeZone: string | null;
  active: boolean;
  readonly teams: readonly number[];
  readonly credentials: PlannedCredential[];
  readonly trainings: PlannedTraining[];
  readonly fees: PlannedFee[];
}

export interface PlannedCredential {
  readonly number: string;
  readonly issuedOn: IsoDate;
  readonly expiresOn: IsoDate;
  deleted: boolean;
}

export interface PlannedTraining {
  readonly seq: number;
  readonly credentialCode: string;
  readonly title: string;
  readonly kind: ActivityKind;
  readonly completedOn: IsoDate;
  readonly minutes: number;
  readonly credit: number | null;
  readonly indexNumber: string | null;
  readonly reviewReason: 'zero-length' | 'over-maximum' | null;
  readonly registered: boolean | null;
  deleted: boolean;
  liveProofs: number;
  removedProofs: number;
}

export interface PlannedFee {
  /** Index into the person's credentials. */
  readonly credential: number;
  readonly paidOn: IsoDate;
  deleted: boolean;
}

export interface PlanSize {
  readonly people: number;
  /** Entries per person: up to this many (uniform), so the mean is about half. */
  readonly maxEntries: number;
}

const TITLES = ['Telehealth Billing', 'HIPAA Basics', 'The HIPAA basics', 'MLN006976 Medicare Fraud & Abuse', 'Medicare fraud and abuse MLN006976', 'Documentation Guidelines', 'Evaluation and Management Services', 'Chronic Care Management', 'Preventive Services', 'Coding Updates 2027', 'Opioid Prescribing', 'Wound Care Documentation'];
const ZONES = ['America/New_York', 'America/Los_Angeles', 'Pacific/Honolulu', 'Asia/Kolkata', 'Pacific/Kiritimati', 'Europe/London', 'UTC', null] as const;
const MINUTES = [0, 5, 14, 15, 29, 30, 31, 45, 59, 60, 61, 75, 90, 91, 119, 120, 121, 180, 1440];
const LEAP_DAYS = ['2024-02-29', '2028-02-29'];

export function planOrganisation(seed: number, today: IsoDate, size: PlanSize = { people: 250, maxEntries: 16 }): PlannedOrganisation {
  const random = seededRandom(seed);
  const rules = random.chance(0.5) ? { ...CMSS_RULES, requiredCredit: random.pick([2, 3, 4.5]), expiringSoonDays: random.pick([0, 30, 60]), feeCents: random.pick([8500, null]) } : null;
  const teams = ['Night shift', 'Day shift', 'Float pool'];
  const people = Array.from({ length: size.people }, (_, i) => planPerson(random, i, today, rules ?? CMSS_RULES, size.maxEntries));
  return { seed, today, teams, rules, people };
}

function planPerson(random: Random, i: number, today: IsoDate, rules: CredentialRules, maxEntries: number): PlannedPerson {
  const credentials = Array.from({ length: random.weighted([[0, 2], [1, 6], [2, 2], [3, 1]]) }, (_, n) => planCredential(random, today, `CMSS-${i}-${n}`));
  const anchor = credentials.at(-1)?.issuedOn ?? addDays(today, -random.int(0, 300));
  const trainings = Array.from({ length: random.int(0, maxEntries) }, (_, n) => planTraining(random, n + 1, anchor, rules));
  const fees = credentials.flatMap((_, n) => (random.chance(0.55) ? [{ credential: n, paidOn: addDays(credentials[n]?.issuedOn ?? today, random.int(-90, 20)), deleted: random.chance(0.1) }] : []));
  const teamsOf = [0, 1, 2].filter(() => random.chance(0.3));
  return { key: `u${String(i).padStart(5, '0')}`, name: `Person ${i}`, timeZone: random.pick(ZONES), active: !random.chance(0.03), teams: teamsOf, credentials, trainings, fees };
}

/** Issue and expiry on every kind of day, relative to today (so expired, expiring and not-yet-valid all occur). */
export function planCredential(random: Random, today: IsoDate, number: string): PlannedCredential {
  const issuedOn = random.chance(0.08) ? random.pick(LEAP_DAYS) : random.chance(0.1) ? addDays(today, random.int(0, 20)) : addDays(today, -random.int(0, 420));
  const kind = random.int(0, 5);
  const expiresOn =
    kind === 0 ? addDays(today, random.pick([0, 1, 29, 30, 31, -1]))
    : kind === 1 ? addDays(issuedOn, random.int(1, 500))
    : addMonths(issuedOn, 12);
  return { number, issuedOn, expiresOn: expiresOn > issuedOn ? expiresOn : addDays(issuedOn, 1), deleted: random.chance(0.07) };
}

export function planTraining(random: Random, seq: number, anchor: IsoDate, rules: CredentialRules): PlannedTraining {
  const minutes = random.pick(MINUTES);
  const award = awardCredit(rules, minutes);
  const kind = random.pick(ACTIVITY_KINDS);
  return {
    seq,
    credentialCode: random.chance(0.03) ? 'CPC' : rules.code,
    title: random.pick(TITLES),
    kind,
    completedOn: addDays(anchor, random.int(-60, 400)),
    minutes,
    credit: award.kind === 'awarded' ? award.credit : null,
    indexNumber: award.kind === 'awarded' ? award.indexNumber : null,
    reviewReason: award.kind === 'review' ? award.reason : null,
    registered: kind === 'npc' ? random.pick([true, false, null]) : null,
    deleted: random.chance(0.06),
    liveProofs: random.weighted([[0, 4], [1, 6], [2, 1]]),
    removedProofs: random.chance(0.1) ? 1 : 0,
  };
}

export function titleKeyOf(training: Pick<PlannedTraining, 'title'>): string {
  return titleKey(training.title);
}
