import type { KnownBlock } from '@slack/types';
import { describe, expect, it } from 'vitest';
import { reasonText } from '../../../adapters/common/compliance-phrases.ts';
import { ACTIONS } from '../../../adapters/slack/ids.ts';
import { renderHome } from '../../../adapters/slack/render/home.ts';
import { aHistory, allText, aStatus, buttonsOf, ONE_OF_EACH, slackWording } from './fixtures.ts';
import { limitViolations } from './limit-check.ts';

const home = (...args: Parameters<typeof renderHome>) => {
  const view = renderHome(...args);
  // Home blocks are typed AnyBlock (known or not); ours are all known blocks.
  const blocks = view.blocks as KnownBlock[];
  return { view, blocks, all: allText(blocks), buttons: buttonsOf(blocks) };
};

describe('renderHome', () => {
  it('is a home view within the limits, headed by the state', () => {
    const { view, blocks } = home({ status: aStatus(), history: aHistory(3) });
    expect(view.type).toBe('home');
    expect(blocks[0]).toEqual({ type: 'header', text: { type: 'plain_text', text: ':warning: CMSS: At risk', emoji: true } });
    expect(limitViolations(blocks, 100)).toEqual([]);
  });

  it('shows the progress bar, the days until the certificate expires and the fee', () => {
    const { all } = home({ status: aStatus(), history: aHistory(3) });
    expect(all).toContain('▰▰▰▰▰▱▱▱▱▱  *1.5 of 3 CE*');
    expect(all).toContain('expires Jan 15, 2027 (in 49 days)');
    expect(all).toContain('Renewal fee $85: not recorded as paid');
  });

  it('says how to add a certificate when there is none', () => {
    const { all } = home({ status: aStatus({ certificate: null, reasons: [{ code: 'no-credential' }] }), history: aHistory(0) });
    expect(all).toContain('No certificate on file — add it with `/ceu cert &lt;number&gt; issued &lt;date&gt;`.');
    expect(all).not.toContain('Renewal fee');
  });

  it('lists the entries without proof on their own, and the other reasons', () => {
    const status = aStatus();
    const { all } = home({ status, history: aHistory(3) });
    expect(all).toContain('*Entries without proof*\n• #1 Medicare Billing: 837P and Form CMS-1500');
    expect(all).toContain(`• ${slackWording(reasonText({ code: 'credit-short', earned: 1.5, required: 3, missing: 1.5 }))}`);
    expect(all).not.toContain('without a certificate or contact-hour proof');
  });

  it('shows the recent entries, and how to see older ones', () => {
    const { all } = home({ status: aStatus(), history: aHistory(25) });
    expect(all).toContain('*Recent entries*\n#1 · Nov 2, 2026 · *Course 1* — 75 min → 1.5 CE (CMS06140729A) · web-based training · no proof');
    expect(all).toContain('25 entries in all: `/ceu history 2` for older ones.');
  });

  it('says when there are no entries yet', () => {
    expect(home({ status: aStatus({ reasons: [] }), history: aHistory(0) }).all).toContain('No entries yet.');
  });

  it('ends with "Log a training" (primary) and "Attach a certificate"', () => {
    const { buttons, blocks } = home({ status: aStatus(), history: aHistory(3) });
    expect(blocks.at(-1)?.type).toBe('actions');
    expect(buttons.map((b) => [b.text, b.actionId, b.style])).toEqual([
      ['Log a training', ACTIONS.homeLog, 'primary'],
      ['Attach a certificate', ACTIONS.homeAttach, undefined],
    ]);
  });

  it('escapes people\'s text', () => {
    const hostile = '<!channel>';
    const { all } = home({ status: aStatus({ displayName: hostile, reasons: [{ code: 'proof-missing', entries: [{ seq: 1, title: hostile }] }] }), history: aHistory(0) });
    expect(all).not.toMatch(/[<>]/);
    expect(all).toContain('&lt;!channel&gt;');
  });

  it('shows a manager their team first: the summary and the most urgent people', () => {
    const team = ONE_OF_EACH['compliance-report'];
    const { all, blocks } = home({ status: aStatus(), history: aHistory(1), team });
    expect(all.indexOf('Your team')).toBeLessThan(all.indexOf('CMSS'));
    expect(all).toContain('1 compliant · 1 at risk · 1 out of compliance, of 3 people');
    expect(all).toContain('*Ana Ortiz* — certificate expired on Nov 2, 2026; short by 1.5 CE');
    expect(blocks[0]?.type).toBe('section');
  });

  it('shows a scribe no team section', () => {
    expect(home({ status: aStatus(), history: aHistory(1) }).all).not.toContain('Your team');
  });
});
