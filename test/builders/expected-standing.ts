import { DateTime } from 'luxon';
import { assessCompliance, type ComplianceStatus } from '../../src/domain/compliance.ts';
import { CMSS_RULES } from '../../src/domain/credential-rules.ts';
import type { IsoDate } from '../../src/domain/dates.ts';
import type { Training } from '../../src/domain/training.ts';
import { titleKeyOf, type PlannedCredential, type PlannedOrganisation, type PlannedPerson } from './random-organisation.ts';

/**
 * What a planned person's records add up to on `today`, by `assessCompliance` straight from the
 * plan (not from the database): the current certificate is the live one issued last (the one
 * added later on a tie), the fee is paid when a live payment is for that certificate, and the
 * entries counted are the live ones of its credential.
 */
export function expectedStanding(plan: PlannedOrganisation, person: PlannedPerson, today: IsoDate): ComplianceStatus {
  const current = currentCredential(person);
  const rules = current ? (plan.rules ?? CMSS_RULES) : CMSS_RULES;
  const feePaid = current !== null && person.fees.some((f) => !f.deleted && f.credential === current.n);
  const trainings: Training[] = person.trainings
    .filter((t) => !t.deleted && t.credentialCode === rules.code)
    .map((t) => ({
      id: `${person.key}#${t.seq}`,
      seq: t.seq,
      personId: person.key,
      credentialCode: t.credentialCode,
      title: t.title,
      titleKey: titleKeyOf(t),
      kind: t.kind,
      completedOn: t.completedOn,
      minutes: t.minutes,
      minutesSource: 'stated',
      credit: t.credit,
      indexNumber: t.indexNumber,
      reviewReason: t.reviewReason,
      registered: t.registered,
      howComputed: 'seeded',
      proofCount: t.liveProofs,
      createdAt: DateTime.fromISO('2026-01-01T00:00:00Z'),
    }));
  const certificate = current && { number: current.credential.number, issuedOn: current.credential.issuedOn, expiresOn: current.credential.expiresOn };
  return assessCompliance({ rules, certificate, trainings, feePaid, today });
}

export function currentCredential(person: PlannedPerson): { credential: PlannedCredential; n: number } | null {
  let best: { credential: PlannedCredential; n: number } | null = null;
  person.credentials.forEach((credential, n) => {
    if (credential.deleted) return;
    if (!best || credential.issuedOn >= best.credential.issuedOn) best = { credential, n };
  });
  return best;
}
