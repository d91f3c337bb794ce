import type { KnownBlock } from '@slack/types';
import type { Reply } from '../../../src/index.ts';
import { plural } from '../../common/format.ts';
import { ACTIONS } from '../ids.ts';
import { actions, button, context, packedSections, section, type SlackMessage } from './blocks.ts';
import { cmd, entryLine } from './phrases.ts';

type History = Extract<Reply, { kind: 'history' }>;

/**
 * History paging: Slack wants action_ids unique within a block, and Previous and Next share one
 * actions block, so each gets a suffix (`ceu_history_page:prev`, `ceu_history_page:next`). Their
 * value is the target page (1-based), so a handler needs only the value, never the suffix.
 * Register with `app.action(HISTORY_PAGE_ACTION, …)`; the bare id is accepted too.
 */
export const HISTORY_PAGE_ACTION = new RegExp(`^${ACTIONS.historyPage}(?::prev|:next)?$`);

export function historyPageActionId(direction: 'prev' | 'next'): string {
  return `${ACTIONS.historyPage}:${direction}`;
}

export function historyLines(history: History): string[] {
  return history.entries.map(entryLine);
}

function pageButtons({ page, pageCount }: History): KnownBlock[] {
  if (pageCount <= 1) return [];
  const buttons = [
    ...(page > 1 ? [button('Previous', historyPageActionId('prev'), String(page - 1))] : []),
    ...(page < pageCount ? [button('Next', historyPageActionId('next'), String(page + 1))] : []),
  ];
  return buttons.length ? [actions(...buttons)] : [];
}

export function renderHistory(history: History): SlackMessage {
  if (history.total === 0) {
    const text = 'No entries yet. Tell me about a training (title, length, date) to log it.';
    return { text, blocks: [section(text)] };
  }
  const head = `*Your entries* (${history.total}; page ${history.page} of ${history.pageCount})`;
  const lines = historyLines(history);
  return {
    text: [`Your entries (${plural(history.total, 'entry', 'entries')}; page ${history.page} of ${history.pageCount}):`, ...lines].join('\n'),
    blocks: [section(head), ...packedSections(lines), context(`Fix an entry with ${cmd('edit <number> …')}; ${cmd('undo')} takes back your last change.`), ...pageButtons(history)],
  };
}
