import type { DraftPreview, LengthCandidate, Progress, TrainingView } from '../../src/index.ts';
import { STATE_LABELS, warningText } from '../common/compliance-phrases.ts';
import { formatCe, formatDate, kindLabel, NOT_COUNTED_LABELS, plural } from '../common/format.ts';
import { formatCredit } from '../../src/index.ts';

export function creditLine(view: Pick<TrainingView, 'credit' | 'indexNumber' | 'minutes' | 'notCounted'>): string {
  const base = view.credit === null ? `${view.minutes} min → needs manual review (no automatic credit)` : `${view.minutes} min → ${formatCe(view.credit)} (${view.indexNumber})`;
  return view.notCounted && view.notCounted !== 'needs-review' ? `${base}, ${NOT_COUNTED_LABELS[view.notCounted]}` : base;
}

export function entryLine(t: TrainingView): string {
  const proof = t.proofCount > 0 ? 'proof ✓' : 'no proof';
  return `#${t.seq}  ${formatDate(t.completedOn)}  ${t.title} — ${creditLine(t)} · ${kindLabel(t.kind)} · ${proof}`;
}

export function progressLine(progress: Progress): string {
  if (!progress.hasCredential) return `Progress: ${formatCe(progress.earned)} logged. Add your certificate (\`cert <number> issued <date>\`) to track your cycle.`;
  return `Progress: ${formatCredit(progress.earned)} of ${formatCe(progress.required)} — ${STATE_LABELS[progress.state]}.`;
}

export function renderPreview(preview: DraftPreview): string {
  const award = preview.award;
  const credit = award.kind === 'awarded' ? `${formatCe(award.credit)}, index ${award.indexNumber}` : 'no automatic credit — flagged for manual review';
  const lines = [
    'Here is what I understood:',
    `  Title:   ${preview.title}`,
    `  Kind:    ${kindLabel(preview.kind)}${preview.kindStated ? '' : ' (not stated)'}`,
    `  Date:    ${formatDate(preview.completedOn)}${preview.dateStated ? '' : ' (today; say a date if it was another day)'}`,
    `  Length:  ${plural(preview.minutes, 'minute')} (from "${preview.durationText}")`,
    `  Credit:  ${credit}`,
    `  How:     ${preview.durationHow}; ${award.explanation}`,
    ...preview.warnings.map((w) => `  ! ${warningText(w)}`),
    preview.asksRegistration
      ? 'Did you register for this call through MLN? Answer `registered` to log it, `not registered` to log it without credit, or `no` to drop it.'
      : 'Log it? Answer `yes` to confirm or `no` to drop it.',
  ];
  return lines.join('\n');
}

export function renderQuestion(ask: 'length' | 'title', title: string | null, candidates: readonly LengthCandidate[]): string {
  if (ask === 'title') return 'What was the training called? Send its title.';
  const about = title ? ` "${title}"` : '';
  if (candidates.length > 1) {
    const listed = candidates.map((c) => `"${c.text}" (${c.minutes} min)`).join(' or ');
    return `I found more than one length in that message: ${listed}. One training has one length — how many minutes was${about || ' it'}?`;
  }
  return `How long was${about || ' it'}? Send the length, like "45 min" or "1.5 hours" (or just "45").`;
}

export function renderLogged(training: TrainingView, progress: Progress, alreadyLogged: boolean): string {
  const head = alreadyLogged ? `Already logged as entry #${training.seq}.` : `Logged entry #${training.seq}: ${training.title}.`;
  return [head, `  ${creditLine(training)}`, `  How: ${training.howComputed}`, progressLine(progress), 'Attach its certificate with `proof <file>`; `undo` takes it back.'].join('\n');
}

export function renderHistory(entries: readonly TrainingView[], page: number, pageCount: number, total: number): string {
  if (total === 0) return 'No entries yet. Tell me about a training to log it.';
  const more = page < pageCount ? `\nMore: \`history ${page + 1}\`` : '';
  return [`Your entries (${total}; page ${page} of ${pageCount}):`, ...entries.map(entryLine)].join('\n') + more;
}
