import { describe, expect, it } from 'vitest';
import { fact, facts, list, note, paragraph, rich, type Presentation } from '../../../adapters/common/presentation.ts';
import { ACTIONS } from '../../../adapters/slack/ids.ts';
import { actionButton, toSlackMessage } from '../../../adapters/slack/render/block-kit.ts';
import { HISTORY_PAGE_ACTION } from '../../../adapters/slack/render/history.ts';
import { EVERY_ACTION, SAMPLE, SENTENCE } from '../../builders/presentations.ts';
import { buttonsOf } from './fixtures.ts';
import { limitViolations } from './limit-check.ts';

const mrkdwn = (text: string) => ({ type: 'mrkdwn', text });

describe('toSlackMessage: a Presentation as Block Kit', () => {
  it('heading → header with the tone, notes → context, progress → bar, paragraphs and lists → sections, facts → fields, actions → one row', () => {
    const { text, blocks } = toSlackMessage(SAMPLE);
    expect(blocks.slice(0, -1)).toEqual([
      { type: 'header', text: { type: 'plain_text', text: ':warning: CMSS: At risk', emoji: true } },
      { type: 'context', elements: [mrkdwn('Dana &lt;!channel&gt; · CMSS')] },
      { type: 'section', text: mrkdwn('▰▰▰▰▰▱▱▱▱▱  *1.5 of 3 CE* (1 entry)') },
      { type: 'section', text: mrkdwn('Certificate C&amp;1: issued\nFee: _paid_') },
      { type: 'section', fields: [mrkdwn('*Title*\n&lt;@U1&gt; &amp; co'), mrkdwn('*Index*\nCMS06140729A')] },
      { type: 'section', text: mrkdwn('*To do*\n• Type `/ceu history`.\n• *&lt;http://evil|click&gt;*') },
      { type: 'context', elements: [mrkdwn(':warning: Careful')] },
    ]);
    expect(blocks.at(-1)?.type).toBe('actions');
    // The typed form of the actions is for surfaces without buttons; notes are small print, not in the fallback.
    expect(text).toBe('CMSS: At risk\n*1.5 of 3 CE* (1 entry)\nCertificate C&amp;1: issued\nFee: _paid_\nTitle: &lt;@U1&gt; &amp; co\nIndex: CMS06140729A\n*To do*\n• Type `/ceu history`.\n• *&lt;http://evil|click&gt;*');
    expect(JSON.stringify(blocks)).not.toContain('Answer');
    expect(limitViolations(blocks, 50)).toEqual([]);
  });

  it('without a heading the tone\'s emoji starts the first line; informational replies have none', () => {
    expect(toSlackMessage(SENTENCE)).toEqual({ text: 'Logged entry #3: *Hospice*\n45 min', blocks: [{ type: 'section', text: mrkdwn(':white_check_mark: Logged entry #3: *Hospice*\n45 min') }] });
    expect(toSlackMessage({ ...SENTENCE, tone: 'info' }).blocks).toEqual([{ type: 'section', text: mrkdwn('Logged entry #3: *Hospice*\n45 min') }]);
    expect(toSlackMessage({ ...SENTENCE, tone: 'error', body: [list(null, [rich('x')])] }).blocks).toEqual([{ type: 'section', text: mrkdwn(':x: • x') }]);
    expect(toSlackMessage({ ...SENTENCE, body: [note(rich('done'))] }).blocks).toEqual([{ type: 'context', elements: [mrkdwn(':white_check_mark: done')] }]);
  });

  it('a reply of only small print still has a fallback text', () => {
    expect(toSlackMessage({ ...SENTENCE, body: [note(rich('only <this>'))] }).text).toBe('only &lt;this&gt;');
  });

  it('more than 10 facts: several field sections (Slack allows 10 per section)', () => {
    const many: Presentation = { ...SENTENCE, body: [facts(...Array.from({ length: 12 }, (_, i) => fact(`F${i}`, String(i))))] };
    const { blocks } = toSlackMessage(many);
    expect(blocks.map((b) => (b.type === 'section' ? (b.fields?.length ?? 0) : -1))).toEqual([-1, 10, 2]);
    expect(limitViolations(blocks, 50)).toEqual([]);
  });

  it('long paragraphs are packed into sections of at most 3000 characters', () => {
    const lines = Array.from({ length: 40 }, (_, i) => rich(`${i} `, 'x'.repeat(200)));
    const { blocks } = toSlackMessage({ ...SENTENCE, tone: 'info', body: [paragraph(...lines)] });
    expect(blocks.length).toBeGreaterThan(1);
    expect(limitViolations(blocks, 50)).toEqual([]);
  });
});

describe('actionButton: every action is the button its handler is registered for (ids.ts)', () => {
  it('maps each action id to the action_id and value of today', () => {
    expect(EVERY_ACTION.map(actionButton).map((b) => [b.text.text, b.action_id, b.value, b.style])).toEqual([
      ['Confirm', ACTIONS.confirm, 'draft-1', 'primary'],
      ['Not registered', ACTIONS.confirmUnregistered, 'draft-1', undefined],
      ['Edit', ACTIONS.edit, 'draft-1', undefined],
      ['Cancel', ACTIONS.cancel, 'draft-1', undefined],
      ['Undo', ACTIONS.undo, 'training-1', undefined],
      ['Previous', 'ceu_history_page:prev', '1', undefined],
      ['Next', 'ceu_history_page:next', '3', undefined],
      ['Log a training', ACTIONS.homeLog, 'log', undefined],
      ['Attach a certificate', ACTIONS.homeAttach, 'attach', undefined],
    ]);
  });

  it('page buttons match the registered pattern and stay distinct within their block', () => {
    const buttons = buttonsOf(toSlackMessage(SAMPLE).blocks);
    const pages = buttons.filter((b) => b.actionId?.startsWith(ACTIONS.historyPage));
    expect(pages.every((b) => HISTORY_PAGE_ACTION.test(b.actionId ?? ''))).toBe(true);
    expect(new Set(buttons.map((b) => b.actionId)).size).toBe(buttons.length);
  });
});
