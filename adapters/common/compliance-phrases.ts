import type { ComplianceReason, ComplianceState, EntryRef, PreviewWarning } from '../../src/index.ts';
import { formatCe, formatDate, formatMoney, plural } from './format.ts';

export const STATE_LABELS: Readonly<Record<ComplianceState, string>> = {
  compliant: 'Compliant',
  at_risk: 'At risk',
  out_of_compliance: 'Out of compliance',
};

function entries(refs: readonly EntryRef[]): string {
  const shown = refs.slice(0, 5).map((r) => `#${r.seq} ${r.title}`);
  return refs.length > 5 ? `${shown.join('; ')} and ${refs.length - 5} more` : shown.join('; ');
}

/** One sentence per reason, with its numbers. */
export function reasonText(reason: ComplianceReason): string {
  switch (reason.code) {
    case 'no-credential':
      return 'No certificate on file. Add it with `cert <number> issued <date>`.';
    case 'certificate-expired':
      return `Certificate expired on ${formatDate(reason.expiredOn)} (${plural(reason.daysAgo, 'day')} ago). There is no grace period: contact ACMSS to renew.`;
    case 'certificate-not-yet-valid':
      return `Certificate is issued on ${formatDate(reason.issuedOn)}, ${plural(reason.daysUntil, 'day')} from now.`;
    case 'certificate-expiring':
      return `Certificate expires on ${formatDate(reason.expiresOn)}, in ${plural(reason.daysLeft, 'day')}.`;
    case 'credit-short':
      return `${formatCe(reason.earned)} of ${formatCe(reason.required)} earned: ${formatCe(reason.missing)} still needed this cycle.`;
    case 'fee-unpaid':
      return `Renewal fee of ${formatMoney(reason.feeCents, reason.currency)} not recorded as paid for this cycle.`;
    case 'proof-missing':
      return `${plural(reason.entries.length, 'entry', 'entries')} without a certificate or contact-hour proof: ${entries(reason.entries)}.`;
    case 'duplicate-course':
      return `"${reason.title}" is logged ${reason.seqs.length} times this cycle (entries ${reason.seqs.map((s) => `#${s}`).join(', ')}); it counts once.`;
    case 'needs-review':
      return `${plural(reason.entries.length, 'entry', 'entries')} ${reason.entries.length === 1 ? 'needs' : 'need'} manual review (length outside the credit table) and ${reason.entries.length === 1 ? 'earns' : 'earn'} nothing until reviewed: ${entries(reason.entries)}.`;
    case 'registration-missing':
      return `${plural(reason.entries.length, 'call')} without MLN registration ${reason.entries.length === 1 ? 'earns' : 'earn'} no credit: ${entries(reason.entries)}.`;
  }
}

export function warningText(warning: PreviewWarning): string {
  switch (warning.code) {
    case 'duplicate-in-cycle':
      return `You already logged this course this cycle (entry #${warning.seq}, "${warning.title}"); it counts once per cycle.`;
    case 'short-activity':
      return `Under ${warning.threshold} minutes: keep the certificate, ACMSS may ask to see it.`;
    case 'outside-cycle':
      return `That date is outside your current cycle (${formatDate(warning.issuedOn)} – ${formatDate(warning.expiresOn)}), so it won't count toward it.`;
    case 'no-credential':
      return 'You have no certificate on file yet; add it with `cert <number> issued <date>` so I can count this toward your cycle.';
    case 'approximate-length':
      return 'The length is approximate; check it against the certificate.';
    case 'registration-required':
      return 'National Provider Calls earn credit only with MLN registration. Confirming means you registered.';
    case 'registration-missing':
      return 'Without MLN registration this call earns no credit.';
    case 'cms-unconfirmed':
      return 'Nothing here says CMS or MLN: CMSS credit is only for CMS/MLN trainings (the MLN catalogue). Confirming means it is a CMS/MLN training.';
  }
}

/** A reason in a few words, for one line of a report: "short by 1.5 CE", "fee unpaid"… */
export function shortReason(reason: ComplianceReason): string {
  switch (reason.code) {
    case 'no-credential':
      return 'no certificate on file';
    case 'certificate-expired':
      return `certificate expired on ${formatDate(reason.expiredOn)}`;
    case 'certificate-not-yet-valid':
      return `certificate valid from ${formatDate(reason.issuedOn)}`;
    case 'certificate-expiring':
      return `expires on ${formatDate(reason.expiresOn)} (in ${plural(reason.daysLeft, 'day')})`;
    case 'credit-short':
      return `short by ${formatCe(reason.missing)}`;
    case 'fee-unpaid':
      return 'fee unpaid';
    case 'proof-missing':
      return `${plural(reason.entries.length, 'entry', 'entries')} without proof`;
    case 'duplicate-course':
      return reason.seqs.length === 2 ? 'course logged twice' : `course logged ${reason.seqs.length} times`;
    case 'needs-review':
      return `${plural(reason.entries.length, 'entry', 'entries')} to review`;
    case 'registration-missing':
      return `${plural(reason.entries.length, 'call')} without MLN registration`;
  }
}

/** "12 compliant · 3 at risk · 2 out of compliance, of 17 people" */
export function countsLine(counts: { compliant: number; atRisk: number; outOfCompliance: number; total: number }): string {
  return `${counts.compliant} compliant · ${counts.atRisk} at risk · ${counts.outOfCompliance} out of compliance, of ${plural(counts.total, 'person', 'people')}`;
}
