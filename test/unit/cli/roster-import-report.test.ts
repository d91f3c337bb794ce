import { describe, expect, it } from 'vitest';
import type { Reply } from '../../../src/index.ts';
import { presentRosterImport } from '../../../adapters/common/present/roster.ts';
import { renderText } from '../../../adapters/shell/render-text.ts';
import { TERMINAL_WORDING } from '../../../adapters/shell/render.ts';

/**
 * Review of issue 7: `recert roster import` reports EVERY refused value (a file is fixed from that
 * list), without the chat's "send the file again … `roster import skip-bad`" (the command line says
 * `--skip-bad` itself); chat keeps a message's worth and its hint.
 */
const refused: Extract<Reply, { kind: 'roster-import' }> = {
  kind: 'roster-import',
  result: {
    fileName: 'people.csv',
    rows: 40,
    added: 0,
    updated: 0,
    unchanged: 0,
    rejected: Array.from({ length: 40 }, (_, i) => ({ line: i + 2, column: 'issued' as const, value: '2026-13-01', problem: 'date-invalid' as const })),
    rejectedRows: 40,
    stored: false,
    skipBad: false,
  },
};

describe('the roster import report', () => {
  it('on the command line lists all 40 refused values and no chat hint', () => {
    const text = renderText(presentRosterImport(refused, TERMINAL_WORDING, true));
    for (let line = 2; line <= 41; line += 1) expect(text).toContain(`Line ${line}, issued: 2026-13-01 is not a date`);
    expect(text).not.toContain('more.');
    expect(text).not.toContain('send the file again');
  });

  it('in chat lists 25, counts the rest and says how to send it again', () => {
    const text = renderText(presentRosterImport(refused, TERMINAL_WORDING));
    expect(text).toContain('Line 26, issued');
    expect(text).not.toContain('Line 27, issued');
    expect(text).toContain('…and 15 more.');
    expect(text).toContain('send the file again');
  });
});
