import { describe, expect, it } from 'vitest';
import type { Intent } from '../../../src/index.ts';
import { interpret } from '../../../src/index.ts';
import { withoutCommandName } from '../../../adapters/common/command-text.ts';
import { commandText } from '../../../adapters/slack/command-text.ts';

describe('withoutCommandName: what the core reads after the adapter strips the command', () => {
  // These cases were the core's own (interpret stripped "/ceu" itself); the adapters do it now.
  it.each<[string, string, Intent]>([
    ['/ceu help', 'help', { kind: 'help', topic: 'all' }],
    ['/ceu status', 'status', { kind: 'status' }],
    ['ceu history 2', 'history 2', { kind: 'history', page: 2 }],
    ['/CEU log 30 min course', 'log 30 min course', { kind: 'log', text: '30 min course', explicit: true }],
    ['/ceu finished the compliance WBT yesterday', 'finished the compliance WBT yesterday', { kind: 'log', text: 'finished the compliance WBT yesterday', explicit: false }],
    ['  /ceu   delete 4  ', 'delete 4', { kind: 'delete', seq: 4 }],
    ['/ceu', '', { kind: 'unknown', text: '', reason: 'empty' }],
    ['/ceulog x', '/ceulog x', { kind: 'unknown', text: '/ceulog x', reason: 'unrecognised' }],
    ['status', 'status', { kind: 'status' }],
  ])('%j → %j → %o', (typed, words, intent) => {
    expect(withoutCommandName(typed, 'ceu')).toBe(words);
    expect(commandText(typed)).toBe(words);
    expect(interpret(commandText(typed))).toEqual(intent);
  });

  it('takes the name literally (no pattern characters)', () => {
    expect(withoutCommandName('/c.u status', 'c.u')).toBe('status');
    expect(withoutCommandName('/ceu status', 'c.u')).toBe('/ceu status');
  });
});
