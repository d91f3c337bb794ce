import { formatCredit, type Progress, type TrainingView } from '../../../src/index.ts';
import { STATE_LABELS } from '../compliance-phrases.ts';
import { formatCe, formatDate, kindLabel, NOT_COUNTED_LABELS } from '../format.ts';
import { em, rich, strong, type PresentContext, type Rich } from '../presentation.ts';
import { cmd } from '../wording.ts';

/** Wording about ledger entries that several replies share. */

/** "60 min → 1 CE (CMS06140728A)", or the manual-review wording when the length is outside the table. */
export function creditLine(view: Pick<TrainingView, 'credit' | 'indexNumber' | 'minutes' | 'notCounted'>): Rich {
  if (view.credit === null) return rich(`${view.minutes} min → needs manual review (no automatic credit)`);
  const notCounted = view.notCounted && view.notCounted !== 'needs-review' ? [', ', em(NOT_COUNTED_LABELS[view.notCounted])] : null;
  return rich(`${view.minutes} min → ${formatCe(view.credit)} (`, view.indexNumber ?? '', ')', notCounted);
}

/** One history line: "#3 · Nov 2, 2026 · **Title** — 60 min → 1 CE (CMS06140728A) · webinar · proof ✓". */
export function entryLine(t: TrainingView): Rich {
  const proof = t.proofCount > 0 ? 'proof ✓' : 'no proof';
  const cms = t.cmsConfirmed ? ' · CMS/MLN as confirmed by the scribe' : '';
  return rich(`#${t.seq} · ${formatDate(t.completedOn)} · `, strong(t.title), ' — ', creditLine(t), ` · ${kindLabel(t.kind)} · ${proof}${cms}`);
}

/** "1.5 of 3 CE". */
export function creditOf(earned: number, required: number): string {
  return `${formatCredit(earned)} of ${formatCe(required)}`;
}

export function certificateCommand(context: PresentContext) {
  return cmd('cert <number> issued <date>', context);
}

/** Where the person stands after a change. */
export function progressLine(progress: Progress, context: PresentContext): Rich {
  if (!progress.hasCredential) return rich(`Progress: ${formatCe(progress.earned)} logged. Add your certificate with `, certificateCommand(context), ' to track your cycle.');
  return rich(`Progress: ${creditOf(progress.earned, progress.required)} — ${STATE_LABELS[progress.state]}.`);
}

/** "How: 1 hr 15 min = 75 minutes; 75 minutes is over 60 and up to 90 → 1.5 CE, index CMS06140729A". */
export function howLine(how: string): Rich {
  return rich('How: ', how);
}
