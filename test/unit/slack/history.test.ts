import { describe, expect, it } from 'vitest';
import { ACTIONS } from '../../../adapters/slack/ids.ts';
import { HISTORY_PAGE_ACTION, historyPageActionId } from '../../../adapters/slack/render/history.ts';
import { renderMessage } from '../../../adapters/slack/render/message.ts';
import { aHistory, allText, buttonsOf } from './fixtures.ts';

describe('history', () => {
  it('shows one line per entry: number, date, title, minutes → credit (index), kind, proof', () => {
    const { blocks, text } = renderMessage(aHistory(3));
    const all = allText(blocks);
    expect(all).toContain('*Your entries* (3; page 1 of 1)');
    expect(all).toContain('#1 · Nov 2, 2026 · *Course 1* — 75 min → 1.5 CE (CMS06140729A) · web-based training · no proof');
    expect(all).toContain('#2 · Nov 2, 2026 · *Course 2* — 75 min → 1.5 CE (CMS06140729A) · web-based training · proof ✓');
    expect(text).toContain('#3 · Nov 2, 2026 · *Course 3*');
  });

  it('has no page buttons on a single page', () => {
    expect(buttonsOf(renderMessage(aHistory(3)).blocks)).toEqual([]);
  });

  it.each([
    [1, [['Next', `${ACTIONS.historyPage}:next`, '2']]],
    [2, [['Previous', `${ACTIONS.historyPage}:prev`, '1'], ['Next', `${ACTIONS.historyPage}:next`, '3']]],
    [3, [['Previous', `${ACTIONS.historyPage}:prev`, '2']]],
  ])('page %s of 3: buttons with distinct action ids carrying the target page', (page, expected) => {
    const buttons = buttonsOf(renderMessage(aHistory(25, page)).blocks);
    expect(buttons.map((b) => [b.text, b.actionId, b.value])).toEqual(expected);
  });

  it('registers every page button with one pattern, and nothing else', () => {
    expect(historyPageActionId('prev')).toBe('ceu_history_page:prev');
    for (const id of ['ceu_history_page', 'ceu_history_page:prev', 'ceu_history_page:next']) expect(HISTORY_PAGE_ACTION.test(id)).toBe(true);
    for (const id of ['ceu_history_page:other', 'x_ceu_history_page', ACTIONS.undo, 'ceu_history_page_next']) expect(HISTORY_PAGE_ACTION.test(id)).toBe(false);
  });

  it('says something friendly when there is nothing yet', () => {
    const { text, blocks } = renderMessage(aHistory(0));
    expect(text).toBe('No entries yet. Tell me about a training (title, length, date) to log it.');
    expect(buttonsOf(blocks)).toEqual([]);
  });

  it('says when an entry needs manual review', () => {
    const reply = aHistory(1);
    const entry = reply.entries[0];
    if (!entry) throw new Error('fixture');
    const all = allText(renderMessage({ ...reply, entries: [{ ...entry, minutes: 0, credit: null, indexNumber: null }] }).blocks);
    expect(all).toContain('0 min → needs manual review (no automatic credit)');
  });
});
