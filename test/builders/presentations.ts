import { code, em, fact, facts, list, note, paragraph, rich, strong, type Action, type Presentation } from '../../adapters/common/presentation.ts';

/** One of every action, as a reply would offer them. */
export const EVERY_ACTION: readonly Action[] = [
  { id: { kind: 'confirm', draftId: 'draft-1' }, label: 'Confirm', primary: true },
  { id: { kind: 'confirm-unregistered', draftId: 'draft-1' }, label: 'Not registered', primary: false },
  { id: { kind: 'edit-draft', draftId: 'draft-1' }, label: 'Edit', primary: false },
  { id: { kind: 'cancel-draft', draftId: 'draft-1' }, label: 'Cancel', primary: false },
  { id: { kind: 'undo', trainingId: 'training-1' }, label: 'Undo', primary: false },
  { id: { kind: 'history-page', page: 1, direction: 'previous' }, label: 'Previous', primary: false },
  { id: { kind: 'history-page', page: 3, direction: 'next' }, label: 'Next', primary: false },
  { id: { kind: 'log-training' }, label: 'Log a training', primary: false },
  { id: { kind: 'attach-certificate' }, label: 'Attach a certificate', primary: false },
];

/**
 * A Presentation with every part kind and mark, people's text that would ping or link in Slack,
 * and every action: both renderers are tested on it, so they can be compared line by line.
 */
export const SAMPLE: Presentation = {
  tone: 'warning',
  heading: 'CMSS: At risk',
  body: [
    note(rich('Dana <!channel> · CMSS')),
    { kind: 'progress', earned: 1.5, required: 3, caption: rich(strong('1.5 of 3 CE'), ' (1 entry)') },
    paragraph(rich('Certificate ', 'C&1', ': issued'), rich('Fee: ', em('paid'))),
    facts(fact('Title', '<@U1> & co'), fact('Index', 'CMS06140729A')),
    list('To do', [rich('Type ', code('/ceu history'), '.'), rich(strong('<http://evil|click>'))]),
    note(rich('Careful'), true),
  ],
  actions: EVERY_ACTION,
  typed: rich('Answer ', code('yes'), '.'),
};

/** A conversational reply: no heading, so the tone goes on the first line. */
export const SENTENCE: Presentation = { tone: 'ok', heading: null, body: [paragraph(rich('Logged entry #3: ', strong('Hospice')), rich('45 min'))], actions: [], typed: null };
