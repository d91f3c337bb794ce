import { describe, expect, it } from 'vitest';
import { fact, facts, note, paragraph, rich, type Presentation } from '../../../adapters/common/presentation.ts';
import { escapeTerminal, progressBar, renderText } from '../../../adapters/shell/render-text.ts';
import { renderReply } from '../../../adapters/shell/render.ts';
import { aPreview, aStatus, DRAFT_ID } from '../../builders/replies.ts';
import { SAMPLE, SENTENCE } from '../../builders/presentations.ts';

describe('renderText: a Presentation as terminal text', () => {
  it('heading at the margin, the body under it; facts aligned; lists, notes and the typed actions; no buttons', () => {
    expect(renderText(SAMPLE)).toBe(
      [
        'CMSS: At risk',
        '  Dana <!channel> · CMSS',
        '  [##########..........] 1.5 of 3 CE (1 entry)',
        '  Certificate C&1: issued',
        '  Fee: paid',
        '  Title:  <@U1> & co',
        '  Index:  CMS06140729A',
        '  To do:',
        '    - Type `/ceu history`.',
        '    - <http://evil|click>',
        '  ! Careful',
        '  Answer `yes`.',
      ].join('\n'),
    );
  });

  it('without a heading: paragraphs at the margin, small print indented; the tone is not shown', () => {
    expect(renderText(SENTENCE)).toBe('Logged entry #3: Hospice\n45 min');
    const p: Presentation = { tone: 'error', heading: null, body: [paragraph(rich('Oops.')), facts(fact('Kind', 'call'), fact('Length', '45 min')), note(rich('How: …'))], actions: [], typed: rich('Type it.') };
    expect(renderText(p)).toBe('Oops.\n  Kind:    call\n  Length:  45 min\n  How: …\nType it.');
  });

  it('people\'s text cannot move the cursor, clear the screen or reorder the line', () => {
    const hostile = 'A\u001b[2J\u0007B\tC\nD\u202eE\u009bF';
    expect(escapeTerminal(hostile)).toBe('A\uFFFD[2J\uFFFDB C D\uFFFDE\uFFFDF');
    expect(renderText({ ...SENTENCE, body: [paragraph(rich(hostile))] })).toBe('A\uFFFD[2J\uFFFDB C D\uFFFDE\uFFFDF');
    expect(renderText({ ...SENTENCE, heading: '\u001b]0;x\u0007' }).split('\n')[0]).toBe('\uFFFD]0;x\uFFFD');
  });
});

describe('progressBar (terminal)', () => {
  it.each([
    [0, 3, '[....................]'],
    [1.5, 3, '[##########..........]'],
    [2.9, 3, '[###################.]'],
    [3, 3, '[####################]'],
    [4.5, 3, '[####################]'],
    [0, 0, '[####################]'],
  ])('%s of %s → %s (floored: full only when met, like Slack\'s)', (earned, required, bar) => {
    expect(progressBar(earned, required)).toBe(bar);
  });
});

describe('renderReply: replies as the terminal shows them', () => {
  it('a preview', () => {
    expect(renderReply({ kind: 'training-preview', draftId: DRAFT_ID, preview: aPreview({ dateStated: false }) })).toBe(
      [
        'Here is what I understood:',
        '  Title:   Medicare Billing: 837P and Form CMS-1500',
        '  Kind:    web-based training',
        '  Date:    Nov 26, 2026 (today)',
        '  Length:  75 minutes (from "1 hr 15 min")',
        '  Credit:  1.5 CE',
        '  Index:   CMS06140729A',
        '  How: 1 hr 15 min = 60 + 15 = 75 minutes; 75 minutes is over 60 and up to 90 → 1.5 CE, index CMS06140729A',
        'Log it? Answer `yes` to confirm or `no` to drop it.',
      ].join('\n'),
    );
  });

  it('a status', () => {
    expect(renderReply({ kind: 'status', status: aStatus({ reasons: [{ code: 'credit-short', earned: 1.5, required: 3, missing: 1.5 }] }) })).toBe(
      [
        'CMSS: At risk',
        '  Dana Scribe · CMSS (Certified Medical Scribe Specialist)',
        '  [##########..........] 1.5 of 3 CE (1 entry, 75 min counted)',
        '  Certificate CMSS-12345: issued Jan 15, 2026, expires Jan 15, 2027 (in 49 days)',
        '  Renewal fee $85: not recorded as paid',
        '  To do:',
        '    - 1.5 CE of 3 CE earned: 1.5 CE still needed this cycle.',
        '  Dates in America/Chicago; today is Nov 27, 2026.',
      ].join('\n'),
    );
  });
});
