import type { DraftPreview, Reply } from '../../../src/index.ts';
import { warningText } from '../compliance-phrases.ts';
import { FIELD_LABELS, formatCe, formatDate, kindLabel, plural } from '../format.ts';
import { code, fact, facts, note, paragraph, rich, strong, type Action, type Part, type Presentation, type PresentContext, type Rich } from '../presentation.ts';
import { cmd, wording } from '../wording.ts';
import { creditLine, howLine, progressLine } from './entries.ts';
import { answerHere, attachHint } from './surface-words.ts';

/** Replies about one training: the preview, the question about it, and what happened to the entry. */

type Of<K extends Reply['kind']> = Extract<Reply, { kind: K }>;

function previewFacts(p: DraftPreview): Part {
  const award = p.award;
  return facts(
    fact('Title', p.title),
    fact('Kind', kindLabel(p.kind), p.kindStated ? '' : ' (not stated)'),
    fact('Date', formatDate(p.completedOn), p.dateStated ? '' : ' (today)'),
    fact('Length', `${plural(p.minutes, 'minute')} (from "`, p.durationText, '")'),
    fact('Credit', award.kind === 'awarded' ? formatCe(award.credit) : 'Needs manual review — no automatic credit'),
    award.kind === 'awarded' ? fact('Index', award.indexNumber) : null,
  );
}

/** Calls need an explicit answer about MLN registration, so they get two ways to confirm. */
function previewActions(draftId: string, asksRegistration: boolean, asksCms: boolean): Action[] {
  const rest: Action[] = [
    { id: { kind: 'edit-draft', draftId }, label: 'Edit', primary: false },
    { id: { kind: 'cancel-draft', draftId }, label: 'Cancel', primary: false },
  ];
  if (!asksRegistration) return [{ id: { kind: 'confirm', draftId }, label: asksCms ? 'Confirm — it is CMS/MLN' : 'Confirm', primary: true }, ...rest];
  return [{ id: { kind: 'confirm', draftId }, label: 'Confirm — I registered', primary: true }, { id: { kind: 'confirm-unregistered', draftId }, label: 'Not registered', primary: false }, ...rest];
}

export function presentPreview({ draftId, preview: p }: Of<'training-preview'>, context: PresentContext): Presentation {
  const body: Part[] = [
    paragraph(rich('Here is what I understood:')),
    previewFacts(p),
    note(howLine(`${p.durationHow}; ${p.award.explanation}`)),
    ...p.warnings.map((w) => note(wording(warningText(w), context), true)),
    ...(p.asksRegistration ? [paragraph(rich('Did you register for this call through MLN?'))] : []),
  ];
  const asksCms = p.warnings.some((w) => w.code === 'cms-unconfirmed');
  const typed = p.asksRegistration
    ? rich('Answer ', code('registered'), ' to log it, ', code('not registered'), ' to log it without credit, or ', code('no'), ' to drop it.')
    : asksCms
      ? rich('Is it a CMS/MLN training? Answer ', code('yes'), ' to log it as one, or ', code('no'), ' to drop it.')
      : rich('Log it? Answer ', code('yes'), ' to confirm or ', code('no'), ' to drop it.');
  return { tone: 'info', heading: null, body, actions: previewActions(draftId, p.asksRegistration, asksCms), typed };
}

function questionText(reply: Of<'question'>, context: PresentContext): Rich {
  const { ask, title, candidates } = reply;
  const here = answerHere(context);
  if (ask === 'date') {
    const about = title ? ['"', title, '"'] : ['it'];
    return rich('Which day did you complete ', about, `? "${reply.dateText ?? ''}" does not name a day — send the date${here}, like "Nov 3" or "2026-10-14".`);
  }
  if (ask === 'title') return rich(`What was the training called? Send its title${here} (for MLN courses, as it appears in the catalogue).`);
  const about = title ? ['"', title, '"'] : ['it'];
  if (candidates.length > 1) {
    const listed = candidates.flatMap((c, i) => [i ? ' or ' : '', '"', c.text, `" (${c.minutes} min)`]);
    return rich('I found more than one length in that message: ', listed, '. One training has one length — how many minutes was ', about, `?${here ? ' Answer in this thread.' : ''}`);
  }
  return rich('How long was ', about, `? Send the length${here}, like "45 min" or "1.5 hours" (or just "45").`);
}

export function presentQuestion(reply: Of<'question'>, context: PresentContext): Presentation {
  return {
    tone: 'info',
    heading: null,
    body: [paragraph(questionText(reply, context))],
    actions: [{ id: { kind: 'cancel-draft', draftId: reply.draftId }, label: 'Cancel', primary: false }],
    typed: rich('Or answer ', code('no'), ' to drop it.'),
  };
}

function undoAction(trainingId: string): Action[] {
  return [{ id: { kind: 'undo', trainingId }, label: 'Undo', primary: false }];
}

export function presentLogged({ training, progress, alreadyLogged }: Of<'training-logged'>, context: PresentContext): Presentation {
  const head = rich(alreadyLogged ? `Already logged as entry #${training.seq}: ` : `Logged entry #${training.seq}: `, strong(training.title));
  return {
    tone: alreadyLogged ? 'info' : 'ok',
    heading: null,
    body: [paragraph(head, creditLine(training)), note(howLine(training.howComputed)), paragraph(progressLine(progress, context)), note(attachHint(training.seq, context))],
    actions: undoAction(training.id),
    typed: rich(cmd('undo', context), ' takes it back.'),
  };
}

export function presentUpdated({ training, changed, progress }: Of<'training-updated'>, context: PresentContext): Presentation {
  const head = rich(`Updated entry #${training.seq} (${changed.map((f) => FIELD_LABELS[f]).join(', ')}): `, strong(training.title), ' — ', creditLine(training));
  return {
    tone: 'ok',
    heading: null,
    body: [paragraph(head), note(howLine(training.howComputed)), paragraph(progressLine(progress, context))],
    actions: undoAction(training.id),
    typed: rich(cmd('undo', context), ' takes it back.'),
  };
}

export function presentDeleted({ training, progress }: Of<'training-deleted'>, context: PresentContext): Presentation {
  const head = rich(`Deleted entry #${training.seq}: `, strong(training.title), '. ', cmd('undo', context), ' brings it back.');
  // The sentence already says how to take it back, so there is nothing to add in words.
  return { tone: 'ok', heading: null, body: [paragraph(head), paragraph(progressLine(progress, context))], actions: undoAction(training.id), typed: null };
}
