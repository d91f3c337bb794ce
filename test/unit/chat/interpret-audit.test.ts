import { describe, expect, it } from 'vitest';
import { interpret } from '../../../src/chat/interpret.ts';

describe('interpret: audit commands', () => {
  it.each([
    ['audit start 25%', { kind: 'audit-start', percent: 25 }],
    ['audit start 25 % seed 1234', { kind: 'audit-start', percent: 25, seed: 1234 }],
    ['audit start 10% expiring before 2027-03-31 team "Night shift" seed 7', { kind: 'audit-start', percent: 10, expiringBefore: '2027-03-31', team: 'Night shift', seed: 7 }],
    ['audit start team Night shift 50 percent', { kind: 'audit-start', percent: 50, team: 'Night shift' }],
    ['audit status', { kind: 'audit-status' }],
    ['audit status team "Day shift"', { kind: 'audit-status', team: 'Day shift' }],
    ['audit remind', { kind: 'audit-remind' }],
    ['audit close', { kind: 'audit-close' }],
    ['audit close passed', { kind: 'audit-close', outcome: 'passed' }],
    ['audit close failed note "2 certificates missing"', { kind: 'audit-close', outcome: 'failed', note: '2 certificates missing' }],
    ['audit close passed team "Night shift" note all good', { kind: 'audit-close', outcome: 'passed', team: 'Night shift', note: 'all good' }],
    ['help audit', { kind: 'help', topic: 'audit' }],
  ])('%s', (text, intent) => {
    expect(interpret(text)).toEqual(intent);
  });

  it.each(['audit', 'audit start', 'audit start everyone', 'audit start 25% tomorrow', 'audit status now', 'audit close maybe'])('%s → the audit help', (text) => {
    expect(interpret(text)).toMatchObject({ kind: 'unknown', reason: 'usage', topic: 'audit' });
  });
});
