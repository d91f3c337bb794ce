import { describe, expect, it } from 'vitest';
import { interpret } from '../../../src/chat/interpret.ts';

describe('interpret: roster commands', () => {
  it.each([
    ['roster', { kind: 'roster', page: 1 }],
    ['roster page 2', { kind: 'roster', page: 2 }],
    ['roster add @ana @"Ben Ortiz"', { kind: 'roster-add', people: [{ token: 'ana' }, { token: 'Ben Ortiz' }] }],
    ['roster remove @ana', { kind: 'roster-remove', who: { token: 'ana' }, restore: false }],
    ['roster restore @ana', { kind: 'roster-remove', who: { token: 'ana' }, restore: true }],
    ['roster set @ana cert CMSS-123 issued 2026-02-01', { kind: 'roster-set', who: { token: 'ana' }, setting: { field: 'certificate', cert: { kind: 'cert', number: 'CMSS-123', issued: '2026-02-01', expires: null } } }],
    ['roster set @ana cert CMSS-123 issued 2026-02-01 expires 2027-01-01', { kind: 'roster-set', setting: { cert: { expires: '2027-01-01' } } }],
    ['roster set @ana fee paid $85 on 2026-02-03', { kind: 'roster-set', setting: { field: 'fee', fee: { amountText: '85', dateText: '2026-02-03' } } }],
    ['roster set @ana fee paid', { kind: 'roster-set', setting: { field: 'fee', fee: { amountText: null, dateText: null } } }],
    ['roster set @ana team "Night shift", "Day shift"', { kind: 'roster-set', setting: { field: 'teams', teams: ['Night shift', 'Day shift'] } }],
    ['roster set @ana team none', { kind: 'roster-set', setting: { field: 'teams', teams: [] } }],
    ['roster import', { kind: 'roster-import', path: null, skipBad: false }],
    ['roster import skip-bad ./people.csv', { kind: 'roster-import', path: './people.csv', skipBad: true }],
    ['roster import "./my people.csv" --skip-bad', { kind: 'roster-import', path: './my people.csv', skipBad: true }],
    ['help roster', { kind: 'help', topic: 'roster' }],
  ])('%s', (text, expected) => {
    expect(interpret(text)).toMatchObject(expected);
  });

  it.each(['roster add', 'roster set @ana', 'roster set @ana colour blue', 'roster remove', 'roster frobnicate'])('%s is the roster help', (text) => {
    expect(interpret(text)).toMatchObject({ kind: 'unknown', reason: 'usage', topic: 'roster' });
  });
});
