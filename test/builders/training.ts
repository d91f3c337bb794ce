import { DateTime } from 'luxon';
import { awardCredit } from '../../src/domain/credit.ts';
import { CMSS_RULES, type CredentialRules } from '../../src/domain/credential-rules.ts';
import type { Certificate } from '../../src/domain/cycle.ts';
import { titleKey } from '../../src/domain/title-key.ts';
import type { Training } from '../../src/domain/training.ts';
import { readDuration } from '../../src/reading/duration.ts';

export interface TrainingOptions extends Partial<Omit<Training, 'seq'>> {
  readonly rules?: CredentialRules;
}

/**
 * A ledger entry for pure domain tests (no database). Credit, index and review reason follow the
 * rules from `minutes` unless given; the title key follows the title (without a length written in
 * it, as the app stores it) unless given. Proof is
 * attached (proofCount 1) unless told otherwise, so a test only states what it is about.
 */
export function aTraining(seq: number, options: TrainingOptions = {}): Training {
  const { rules = CMSS_RULES, ...given } = options;
  const title = given.title ?? `Course ${seq}`;
  const minutes = given.minutes ?? 60;
  const award = awardCredit(rules, minutes);
  return {
    id: `training-${seq}`,
    seq,
    personId: 'person-1',
    credentialCode: rules.code,
    title,
    titleKey: keyOf(title),
    kind: 'wbt',
    completedOn: '2026-06-01',
    minutes: award.minutes,
    minutesSource: 'stated',
    credit: award.kind === 'awarded' ? award.credit : null,
    indexNumber: award.kind === 'awarded' ? award.indexNumber : null,
    reviewReason: award.kind === 'review' ? award.reason : null,
    registered: null,
    howComputed: award.explanation,
    proofCount: 1,
    createdAt: DateTime.fromISO('2026-06-01T12:00:00Z', { zone: 'utc' }),
    ...given,
  };
}

/** A CMS Compliance Certificate; the default cycle is 2026-01-15 up to (not including) 2027-01-15. */
export function aCertificate(options: Partial<Certificate> = {}): Certificate {
  return { number: 'CMSS-12345', issuedOn: '2026-01-15', expiresOn: '2027-01-15', ...options };
}

function keyOf(title: string): string {
  const reading = readDuration(title);
  return titleKey(title, reading.kind === 'found' ? reading.duration : undefined) || title.toLowerCase();
}
