import { formatCredit, type ComplianceState, type Progress, type TrainingView } from '../../../src/index.ts';
import { STATE_LABELS } from '../../common/compliance-phrases.ts';
import { formatCe, formatDate, kindLabel, NOT_COUNTED_LABELS } from '../../common/format.ts';
import { COMMAND } from '../ids.ts';
import { escapeMrkdwn } from './escape.ts';

/** Slack-side wording shared by several renderers. Everything returned is mrkdwn, user text already escaped. */

/** A slash command in a code span: cmd('status') → `/ceu status`. Placeholders like <number> are escaped. */
export function cmd(words: string): string {
  return escapeMrkdwn(`\`${COMMAND} ${words}\``);
}

export const CERT_COMMAND = cmd('cert <number> issued <date>');

/** "60 min → 1 CE (CMS06140728A)", or the manual-review wording when the length is outside the table. */
export function creditLine(view: Pick<TrainingView, 'credit' | 'indexNumber' | 'minutes' | 'notCounted'>): string {
  if (view.credit === null) return `${view.minutes} min → needs manual review (no automatic credit)`;
  const base = `${view.minutes} min → ${formatCe(view.credit)} (${escapeMrkdwn(view.indexNumber ?? '')})`;
  return view.notCounted && view.notCounted !== 'needs-review' ? `${base}, _${NOT_COUNTED_LABELS[view.notCounted]}_` : base;
}

/** One history line: "#3 · Nov 2, 2026 · *Title* — 60 min → 1 CE (CMS06140728A) · webinar · proof ✓". */
export function entryLine(t: TrainingView): string {
  const proof = t.proofCount > 0 ? 'proof ✓' : 'no proof';
  return `#${t.seq} · ${formatDate(t.completedOn)} · *${escapeMrkdwn(t.title)}* — ${creditLine(t)} · ${kindLabel(t.kind)} · ${proof}`;
}

/** "1.5 of 3 CE". */
export function creditOf(earned: number, required: number): string {
  return `${formatCredit(earned)} of ${formatCe(required)}`;
}

export function progressLine(progress: Progress): string {
  if (!progress.hasCredential) return `Progress: ${formatCe(progress.earned)} logged. Add your certificate with ${CERT_COMMAND} to track your cycle.`;
  return `Progress: ${creditOf(progress.earned, progress.required)} — ${STATE_LABELS[progress.state]}`;
}

/** A bar of `cells` cells; floored, so it is full only when the requirement is met. */
export function progressBar(earned: number, required: number, cells = 10): string {
  const filled = required > 0 ? Math.max(0, Math.min(cells, Math.floor((earned / required) * cells))) : cells;
  return `${'▰'.repeat(filled)}${'▱'.repeat(cells - filled)}`;
}

export const STATE_EMOJI: Readonly<Record<ComplianceState, string>> = { compliant: ':white_check_mark:', at_risk: ':warning:', out_of_compliance: ':x:' };
