import type { ComplianceReason, ComplianceState, StatusView } from '../../../src/index.ts';
import { reasonText, STATE_LABELS } from '../compliance-phrases.ts';
import { formatDate, formatMoney, plural, relativeDays } from '../format.ts';
import { list, note, paragraph, rich, strong, type Part, type Presentation, type PresentContext, type Rich, type Tone } from '../presentation.ts';
import { wording } from '../wording.ts';
import { certificateCommand, creditOf } from './entries.ts';

/**
 * Where a person stands. The pieces are exported for Slack's App Home, which arranges the same
 * sentences differently (entries without proof get their own list there).
 */

export const STATE_TONES: Readonly<Record<ComplianceState, Tone>> = { compliant: 'ok', at_risk: 'warning', out_of_compliance: 'error' };

/** "CMSS: At risk". */
export function statusHeading(s: Pick<StatusView, 'state' | 'credentialCode'>): string {
  return `${s.credentialCode}: ${STATE_LABELS[s.state]}`;
}

/** "Dana Scribe · CMSS (Certified Medical Scribe Specialist)". */
export function statusByline(s: Pick<StatusView, 'displayName' | 'credentialCode' | 'credentialName'>): Part {
  return note(rich(s.displayName, ` · ${s.credentialCode} (`, s.credentialName, ')'));
}

/** The bar, captioned "**1.5 of 3 CE** (1 entry, 75 min counted)". */
export function statusProgress(s: Pick<StatusView, 'earned' | 'required' | 'countedEntries' | 'countedMinutes'>): Part {
  const counted = `${plural(s.countedEntries, 'entry', 'entries')}, ${s.countedMinutes} min counted`;
  return { kind: 'progress', earned: s.earned, required: s.required, caption: rich(strong(creditOf(s.earned, s.required)), ` (${counted})`) };
}

export function certificateLine(s: Pick<StatusView, 'certificate'>, context: PresentContext): Rich {
  const c = s.certificate;
  if (!c) return rich('No certificate on file — add it with ', certificateCommand(context), '.');
  const when = c.daysLeft > 0 ? [`expires ${formatDate(c.expiresOn)} (${relativeDays(c.daysLeft)})`] : [strong('expired'), ` ${formatDate(c.expiresOn)}`];
  return rich('Certificate ', c.number, `: issued ${formatDate(c.issuedOn)}, `, when);
}

/** Only when there is a certificate (a cycle to pay for) and the credential charges a fee; the amount when known. */
export function feeLine(s: Pick<StatusView, 'certificate' | 'fee'>): Rich | null {
  if (!s.certificate || !s.fee.required) return null;
  const what = s.fee.amountCents === null ? 'Renewal fee' : `Renewal fee ${formatMoney(s.fee.amountCents, s.fee.currency)}`;
  return rich(`${what}: ${s.fee.paid ? paidText(s.fee) : 'not recorded as paid'}`);
}

/** "paid Mar 8, 2026", or what was paid when it differs from the fee: "paid $80 on Mar 8, 2026 — $5 short". */
function paidText(fee: StatusView['fee']): string {
  const { payment, amountCents } = fee;
  if (!payment) return 'paid';
  if (amountCents === null || payment.amountCents === amountCents) return `paid ${formatDate(payment.paidOn)}`;
  const gap = formatMoney(Math.abs(amountCents - payment.amountCents), fee.currency);
  return `paid ${formatMoney(payment.amountCents, fee.currency)} on ${formatDate(payment.paidOn)} — ${gap} ${payment.amountCents < amountCents ? 'short' : 'over'}`;
}

/** The certificate line and the fee line. */
export function standingParagraph(s: StatusView, context: PresentContext): Part {
  const fee = feeLine(s);
  return paragraph(certificateLine(s, context), ...(fee ? [fee] : []));
}

/** One item per reason. "No certificate on file" is already the certificate line, so it is not repeated. */
export function reasonItems(reasons: readonly ComplianceReason[], context: PresentContext): Rich[] {
  return reasons.filter((r) => r.code !== 'no-credential').map((r) => wording(reasonText(r), context));
}

export function datesNote(s: Pick<StatusView, 'timeZone' | 'today'>): Part {
  return note(rich('Dates in ', s.timeZone, `; today is ${formatDate(s.today)}.`));
}

export function presentStatus(s: StatusView, context: PresentContext): Presentation {
  const reasons = reasonItems(s.reasons, context);
  return {
    tone: STATE_TONES[s.state],
    heading: statusHeading(s),
    body: [statusByline(s), statusProgress(s), standingParagraph(s, context), ...(reasons.length ? [list('To do', reasons)] : []), datesNote(s)],
    actions: [],
    typed: null,
  };
}
