import type { ComplianceInput, ComplianceReason, EntryRef, Exclusion } from './compliance-types.ts';
import { sumCredit } from './credit.ts';
import { certificateValidity, type Certificate, type CertificateValidity } from './cycle.ts';
import type { IsoDate } from './dates.ts';
import type { Training } from './training.ts';

interface Ledger extends Omit<ComplianceInput, 'today'> {
  readonly counted: readonly Training[];
  readonly excluded: readonly { readonly training: Training; readonly why: Exclusion }[];
  readonly earnedCredit: number;
}

/**
 * The reasons that follow from the ledger alone, whatever the day: credit, fee, proof, warnings (or
 * no certificate at all). The certificate's own reasons (expired, expiring…) come from `dayReasons`
 * and go first: together they are the order a person should act on them.
 */
export function ledgerReasons(ledger: Ledger): ComplianceReason[] {
  if (!ledger.certificate) return [{ code: 'no-credential' }];
  return [...creditReasons(ledger), ...feeReasons(ledger), ...proofReasons(ledger.counted), ...duplicateReasons(ledger), ...exclusionReasons(ledger.excluded)];
}

/** The certificate's reasons on `today` (none without a certificate: `no-credential` is a ledger reason). */
export function dayReasons(certificate: Certificate | null, expiringSoonDays: number, today: IsoDate): ComplianceReason[] {
  if (!certificate) return [];
  return certificateReasons(certificate.issuedOn, certificate.expiresOn, certificateValidity({ expiringSoonDays }, certificate, today));
}

function certificateReasons(issuedOn: string, expiresOn: string, validity: CertificateValidity): ComplianceReason[] {
  switch (validity.state) {
    case 'expired':
      return [{ code: 'certificate-expired', expiredOn: expiresOn, daysAgo: validity.daysAgo }];
    case 'not-yet-valid':
      return [{ code: 'certificate-not-yet-valid', issuedOn, daysUntil: validity.daysUntil }];
    case 'expiring':
      return [{ code: 'certificate-expiring', expiresOn, daysLeft: validity.daysLeft }];
    case 'valid':
      return [];
  }
}

function creditReasons(ledger: Ledger): ComplianceReason[] {
  const required = ledger.rules.requiredCredit;
  if (ledger.earnedCredit >= required) return [];
  const missing = sumCredit([required, -ledger.earnedCredit]);
  return [{ code: 'credit-short', earned: ledger.earnedCredit, required, missing }];
}

function feeReasons(ledger: Ledger): ComplianceReason[] {
  if (ledger.rules.feeCents === null || ledger.feePaid) return [];
  return [{ code: 'fee-unpaid', feeCents: ledger.rules.feeCents, currency: ledger.rules.currency }];
}

function proofReasons(counted: readonly Training[]): ComplianceReason[] {
  const lacking = counted.filter((t) => t.proofCount === 0).map(ref);
  return lacking.length ? [{ code: 'proof-missing', entries: lacking }] : [];
}

/** Every in-cycle course logged more than once: the first counts, the others are listed with it. */
function duplicateReasons(ledger: Ledger): ComplianceReason[] {
  const inCycle = [...ledger.counted, ...ledger.excluded.filter((e) => e.why !== 'outside-cycle').map((e) => e.training)];
  const groups = new Map<string, Training[]>();
  for (const training of inCycle) groups.set(training.titleKey, [...(groups.get(training.titleKey) ?? []), training]);
  const reasons: ComplianceReason[] = [];
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    const sorted = [...group].sort((a, b) => a.completedOn.localeCompare(b.completedOn) || a.seq - b.seq);
    reasons.push({ code: 'duplicate-course', title: sorted[0]?.title ?? '', seqs: sorted.map((t) => t.seq) });
  }
  return reasons;
}

function exclusionReasons(excluded: Ledger['excluded']): ComplianceReason[] {
  const reasons: ComplianceReason[] = [];
  const review = excluded.filter((e) => e.why === 'needs-review').map((e) => ref(e.training));
  if (review.length) reasons.push({ code: 'needs-review', entries: review });
  const unregistered = excluded.filter((e) => e.why === 'registration-missing').map((e) => ref(e.training));
  if (unregistered.length) reasons.push({ code: 'registration-missing', entries: unregistered });
  return reasons;
}

function ref(training: Training): EntryRef {
  return { seq: training.seq, title: training.title };
}
