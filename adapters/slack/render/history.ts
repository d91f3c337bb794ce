import { ACTIONS } from '../ids.ts';

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
