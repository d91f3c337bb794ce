import type { StatusView } from '../../src/index.ts';
import { reasonText, STATE_LABELS } from '../common/compliance-phrases.ts';
import { formatCe, formatDate, formatMoney, plural, relativeDays } from '../common/format.ts';
import { formatCredit } from '../../src/index.ts';

/** A text progress bar: 20 cells for the cycle's required credit. */
export function progressBar(earned: number, required: number, cells = 20): string {
  const filled = required > 0 ? Math.min(cells, Math.round((earned / required) * cells)) : cells;
  return `[${'#'.repeat(filled)}${'.'.repeat(cells - filled)}]`;
}

export function renderStatus(s: StatusView): string {
  const lines = [`${s.displayName} — ${s.credentialCode} (${s.credentialName}): ${STATE_LABELS[s.state]}`];
  lines.push(`  ${progressBar(s.earned, s.required)} ${formatCredit(s.earned)} of ${formatCe(s.required)} (${plural(s.countedEntries, 'entry', 'entries')}, ${s.countedMinutes} min)`);
  if (s.certificate) {
    const c = s.certificate;
    const when = c.daysLeft > 0 ? `expires ${formatDate(c.expiresOn)} (${relativeDays(c.daysLeft)})` : `expired ${formatDate(c.expiresOn)}`;
    lines.push(`  Certificate ${c.number}: issued ${formatDate(c.issuedOn)}, ${when}`);
  }
  if (s.certificate && s.fee.required && s.fee.amountCents !== null) {
    lines.push(`  Renewal fee ${formatMoney(s.fee.amountCents, s.fee.currency)}: ${s.fee.paid ? 'paid' : 'not recorded'}`);
  }
  if (s.reasons.length) lines.push('  To do:', ...s.reasons.map((r) => `   - ${reasonText(r)}`));
  lines.push(`  (dates in ${s.timeZone}; today is ${formatDate(s.today)})`);
  return lines.join('\n');
}
