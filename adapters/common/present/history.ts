import type { Reply } from '../../../src/index.ts';
import { note, paragraph, rich, sentences, strong, type Action, type Presentation, type PresentContext, type Rich } from '../presentation.ts';
import { cmd } from '../wording.ts';
import { entryLine } from './entries.ts';

type History = Extract<Reply, { kind: 'history' }>;

function pageActions({ page, pageCount }: History): Action[] {
  const actions: Action[] = [];
  if (page > 1) actions.push({ id: { kind: 'history-page', page: page - 1, direction: 'previous' }, label: 'Previous', primary: false });
  if (page < pageCount) actions.push({ id: { kind: 'history-page', page: page + 1, direction: 'next' }, label: 'Next', primary: false });
  return actions;
}

function pagesInWords({ page, pageCount }: History, context: PresentContext): Rich | null {
  const next = page < pageCount ? ['More: ', cmd(`history ${page + 1}`, context)] : null;
  const previous = page > 1 ? [next ? '; previous page: ' : 'Previous page: ', cmd(`history ${page - 1}`, context)] : null;
  return next || previous ? rich(next, previous) : null;
}

/** One page of the person's entries, numbered as `edit` and `delete` take them. */
export function presentHistory(history: History, context: PresentContext): Presentation {
  if (history.total === 0) return sentences('info', rich('No entries yet. Tell me about a training (title, length, date) to log it.'));
  const head = rich(strong('Your entries'), ` (${history.total}; page ${history.page} of ${history.pageCount}):`);
  return {
    tone: 'info',
    heading: null,
    body: [paragraph(head, ...history.entries.map(entryLine)), note(rich('Fix an entry with ', cmd('edit <number> …', context), '; ', cmd('undo', context), ' takes back your last change.'))],
    actions: pageActions(history),
    typed: pagesInWords(history, context),
  };
}
