import type { KnownBlock } from '@slack/types';
import { describe, expect, it } from 'vitest';
import { actions, button, context, fields, header, section } from '../../../adapters/slack/render/blocks.ts';
import { renderHome } from '../../../adapters/slack/render/home.ts';
import { fitBlock, fitBlocks, fitMessage, LIMITS, truncate } from '../../../adapters/slack/render/limits.ts';
import { renderMessage } from '../../../adapters/slack/render/message.ts';
import { aHistory, aPreview, aStatus, aView, buttonsOf, DRAFT_ID, ONE_OF_EACH, textsOf } from './fixtures.ts';
import { limitViolations } from './limit-check.ts';

const LONG = 'A'.repeat(5000);

describe('truncate', () => {
  it.each([
    ['short text unchanged', 'abc', 5, 'abc'],
    ['exact length unchanged', 'abcde', 5, 'abcde'],
    ['cut with an ellipsis', 'abcdefgh', 5, 'abcd…'],
    ['never splits an emoji', 'abc😀def', 5, 'abc…'],
    ['never splits an entity', 'ab &amp; cd', 7, 'ab …'],
  ])('%s', (_name, text, max, expected) => {
    const cut = truncate(text, max);
    expect(cut).toBe(expected);
    expect(cut.length).toBeLessThanOrEqual(max);
  });
});

describe('fitBlock', () => {
  it('cuts texts to their limits', () => {
    const cut = [fitBlock(section(LONG)), fitBlock(header(LONG)), fitBlock(context(LONG)), fitBlock(fields(LONG))];
    expect(textsOf(cut).map((t) => t.length)).toEqual([3000, 150, 3000, 2000]);
    expect(textsOf(cut).every((t) => t.endsWith('…'))).toBe(true);
  });

  it('keeps at most 10 fields, 10 context elements and 25 actions', () => {
    const many = Array.from({ length: 30 }, (_, i) => `item ${i}`);
    expect(limitViolations([fields(...many), context(...many), actions(...many.map((m, i) => button(m, `a${i}`, m)))].map(fitBlock), 50)).toEqual([]);
  });

  it('cuts button text to 75 characters, but refuses to cut a value (it would act on the wrong thing)', () => {
    expect(buttonsOf([fitBlock(actions(button(LONG, 'a', 'v')))])[0]?.text).toHaveLength(75);
    expect(() => fitBlock(actions(button('ok', 'a', 'v'.repeat(LIMITS.buttonValue + 1))))).toThrow(/over 2000/);
  });
});

describe('fitBlocks', () => {
  const many = (n: number): KnownBlock[] => Array.from({ length: n }, (_, i) => section(`line ${i}`));

  it('leaves a short list alone', () => {
    expect(fitBlocks(many(5), 50)).toEqual(many(5));
  });

  it('keeps the first blocks and the last actions block, and says what was left out', () => {
    const buttons = actions(button('Next', 'next', '2'));
    const fitted = fitBlocks([...many(80), buttons], 50);
    expect(fitted).toHaveLength(50);
    expect(fitted.slice(0, 48)).toEqual(many(48));
    expect(fitted[48]).toEqual(context("_32 more items left out to fit Slack's limits._"));
    expect(fitted[49]).toEqual(buttons);
  });

  it('keeps the last actions block even when it is not at the end', () => {
    const buttons = actions(button('Undo', 'undo', 'x'));
    const fitted = fitBlocks([...many(10), buttons, ...many(60)], 50);
    expect(fitted).toHaveLength(50);
    expect(fitted.at(-1)).toEqual(buttons);
    expect(fitted.filter((b) => b.type === 'actions')).toHaveLength(1);
  });

  it('without actions: the first blocks and the note', () => {
    const fitted = fitBlocks(many(120), 100);
    expect(fitted).toHaveLength(100);
    expect(fitted.at(-1)?.type).toBe('context');
  });
});

describe('fitMessage', () => {
  it('cuts the fallback text to 40 000 characters', () => {
    expect(fitMessage({ text: 'x'.repeat(50_000), blocks: [] }).text).toHaveLength(40_000);
  });
});

describe('oversized replies stay within the limits', () => {
  const title = `Medicare ${'Billing '.repeat(700)}`; // about 5000 characters

  it('a 5000-character title in a preview, with every warning', () => {
    const preview = aPreview({ title, durationText: LONG, warnings: [{ code: 'duplicate-in-cycle', seq: 1, title }, { code: 'no-credential' }, { code: 'approximate-length' }] });
    const message = renderMessage({ kind: 'training-preview', draftId: DRAFT_ID, preview });
    expect(limitViolations(message.blocks, 50)).toEqual([]);
    expect(buttonsOf(message.blocks).map((b) => b.value)).toEqual([DRAFT_ID, DRAFT_ID, DRAFT_ID]);
  });

  it('200 history entries on one page', () => {
    const history = { ...aHistory(200, 1, 200), pageCount: 3, total: 600 };
    const message = renderMessage(history);
    expect(limitViolations(message.blocks, 50)).toEqual([]);
    expect(message.text.length).toBeLessThanOrEqual(40_000);
  });

  it('200 history entries with 5000-character titles: cut, with the page buttons kept', () => {
    const entries = Array.from({ length: 200 }, (_, i) => aView(i + 1, { title }));
    const message = renderMessage({ kind: 'history', entries, page: 1, pageCount: 2, total: 400 });
    expect(limitViolations(message.blocks, 50)).toEqual([]);
    expect(message.blocks).toHaveLength(50);
    expect(message.blocks.at(-1)?.type).toBe('actions');
    expect(buttonsOf(message.blocks).map((b) => b.text)).toEqual(['Next']);
    expect(JSON.stringify(message.blocks.at(-2))).toContain('left out');
    expect(message.text.length).toBeLessThanOrEqual(40_000);
  });

  it('a status with long titles in every reason', () => {
    const entries = Array.from({ length: 50 }, (_, i) => ({ seq: i + 1, title }));
    const status = aStatus({
      displayName: LONG,
      reasons: [
        { code: 'proof-missing', entries },
        { code: 'needs-review', entries },
        { code: 'registration-missing', entries },
        { code: 'duplicate-course', title, seqs: [1, 2] },
      ],
    });
    expect(limitViolations(renderMessage({ kind: 'status', status }).blocks, 50)).toEqual([]);
  });

  it('every other reply with 5000-character user text', () => {
    const t = aView(1, { title, howComputed: LONG });
    for (const reply of [
      { ...ONE_OF_EACH['training-logged'], training: t },
      { ...ONE_OF_EACH['training-updated'], training: t, changed: ['title'] },
      { ...ONE_OF_EACH['proof-attached'], training: t, file: { ...ONE_OF_EACH['proof-attached'].file, name: LONG }, alsoAttachedTo: [{ seq: 2, title }] },
      { kind: 'question', draftId: DRAFT_ID, ask: 'length', title, candidates: [{ minutes: 1, text: LONG }, { minutes: 2, text: LONG }] },
      { kind: 'error', code: 'invalid-date', details: { text: LONG } },
    ] as const) {
      const message = renderMessage(reply);
      expect(limitViolations(message.blocks, 50), reply.kind).toEqual([]);
    }
  });

  it('an App Home with 200 long entries and long reasons fits in 100 blocks', () => {
    const entries = Array.from({ length: 200 }, (_, i) => aView(i + 1, { title }));
    const refs = entries.map((e) => ({ seq: e.seq, title }));
    const view = renderHome({ status: aStatus({ reasons: [{ code: 'proof-missing', entries: refs }, { code: 'needs-review', entries: refs }] }), history: { kind: 'history', entries, page: 1, pageCount: 20, total: 200 } });
    expect(limitViolations(view.blocks as KnownBlock[], 100)).toEqual([]);
    expect(view.blocks.at(-1)?.type).toBe('actions');
  });
});
