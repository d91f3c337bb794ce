import { describe, expect, it } from 'vitest';
import { interpret } from '../../../src/chat/interpret.ts';
import { readMentions } from '../../../src/chat/mentions.ts';
import { plainText } from '../../../adapters/slack/runtime.ts';
import { errorMessage } from '../../../adapters/common/error-messages.ts';

/** Leftover of issue 10: an e-mail address after the @ is one mention, never `@ana` plus a stray `@example.org`. */
describe('a mention by e-mail address', () => {
  it.each([
    ['status @ana@example.org', { kind: 'status-of', who: { token: 'ana@example.org' } }],
    ['status @ana.ortiz+ce@clinic.example.co.uk', { kind: 'status-of', who: { token: 'ana.ortiz+ce@clinic.example.co.uk' } }],
    ['history @ana@example.org page 2', { kind: 'history-of', who: { token: 'ana@example.org' }, page: 2 }],
    ['roster remove @ana@example.org', { kind: 'roster-remove', who: { token: 'ana@example.org' }, restore: false }],
    ['roster set @ana@example.org fee paid', { kind: 'roster-set', who: { token: 'ana@example.org' }, setting: { field: 'fee', fee: { amountText: null, dateText: null } } }],
    ['export transcript @ana@example.org', { kind: 'export', who: { token: 'ana@example.org' } }],
    ['role @ana@example.org manager', { kind: 'role', who: { token: 'ana@example.org' }, role: 'manager', teams: [] }],
  ])('%j', (text, intent) => {
    expect(interpret(text)).toMatchObject(intent);
  });

  it('reads names and e-mails side by side, and leaves a bare address alone', () => {
    expect(readMentions('@ben @ana@example.org @"Carla Diaz"')).toEqual({ refs: [{ token: 'ben' }, { token: 'ana@example.org' }, { token: 'Carla Diaz' }], rest: '' });
    expect(readMentions('write to ana@example.org')).toEqual({ refs: [], rest: 'write to ana@example.org' });
  });

  it('reaches the core the same from Slack, which links the address', () => {
    expect(interpret(plainText('status @<mailto:ana@example.org|ana@example.org>'))).toMatchObject({ kind: 'status-of', who: { token: 'ana@example.org' } });
  });

  it('is refused by the address, not as a name', () => {
    expect(errorMessage('person-not-found', { name: 'zed@example.org' })).toBe("I don't know anyone with the e-mail zed@example.org here. Type `roster` to see who is on it.");
    expect(errorMessage('person-not-found', { name: 'Zed' })).toBe('I don\'t know anyone called "Zed" here. Type `roster` to see who is on it.');
  });
});
