import { describe, expect, it } from 'vitest';
import { code, type PresentContext, type Rich } from '../../../adapters/common/presentation.ts';
import { cmd, wording } from '../../../adapters/common/wording.ts';

const SLACK: PresentContext = { commandPrefix: '/ceu ', surface: 'chat' };
const TERMINAL: PresentContext = { commandPrefix: '', surface: 'terminal' };

/** Spans back to a string, code in backticks: the wording as written, with the prefix applied. */
const asWritten = (text: Rich): string => text.map((s) => (typeof s === 'string' ? s : s.mark === 'code' ? `\`${s.text}\`` : s.text)).join('');

describe('wording: shared strings with the command prefix', () => {
  // The table that pinned Slack's withSlashCommands, now the platform-neutral rule.
  it.each([
    ['cert usage', 'Add it with `cert <number> issued <date>`.', 'Add it with `/ceu cert <number> issued <date>`.'],
    ['single word', 'Type `history` to see your entries.', 'Type `/ceu history` to see your entries.'],
    ['undo', 'Type `undo` if you want to take it back.', 'Type `/ceu undo` if you want to take it back.'],
    ['fee with amount', 'Send it like `fee paid $85` (or just `fee paid`).', 'Send it like `/ceu fee paid $85` (or just `/ceu fee paid`).'],
    ['two spans', '`status` and `help`', '`/ceu status` and `/ceu help`'],
    ['unknown command untouched', 'use `as NAME`', 'use `as NAME`'],
    ['prefix of a word untouched', '`certificate` is here', '`certificate` is here'],
    ['already slash', '`/ceu status`', '`/ceu status`'],
    ['outside code spans untouched', 'undo history status', 'undo history status'],
    ['an answer is not a command', 'Answer `yes` or `no`.', 'Answer `yes` or `no`.'],
    ['a backtick without its pair stays text', 'A lone ` stays', 'A lone ` stays'],
  ])('%s', (_name, input, expected) => {
    expect(asWritten(wording(input, SLACK))).toBe(expected);
    expect(asWritten(wording(input, TERMINAL))).toBe(input);
  });

  it('keeps the text outside backticks as plain spans, never parsed again', () => {
    expect(wording('"<!channel>" is logged; type `history`.', SLACK)).toEqual(['"<!channel>" is logged; type ', code('/ceu history'), '.']);
  });

  it('cmd writes a command for the platform', () => {
    expect(cmd('history 2', SLACK)).toEqual(code('/ceu history 2'));
    expect(cmd('history 2', TERMINAL)).toEqual(code('history 2'));
  });
});
