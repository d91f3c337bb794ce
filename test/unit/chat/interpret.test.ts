import { describe, expect, it } from 'vitest';
import type { Intent } from '../../../src/chat/intent.ts';
import { interpret, looksLikeTraining } from '../../../src/chat/interpret.ts';

function cases(rows: ReadonlyArray<readonly [string, Intent]>) {
  return rows;
}

describe('interpret: help, status, history, undo', () => {
  it.each(
    cases([
      ['help', { kind: 'help', topic: 'all' }],
      ['?', { kind: 'help', topic: 'all' }],
      ['commands', { kind: 'help', topic: 'all' }],
      ['HELP', { kind: 'help', topic: 'all' }],
      ['help log', { kind: 'help', topic: 'log' }],
      ['help cert', { kind: 'help', topic: 'cert' }],
      ['help fee', { kind: 'help', topic: 'fee' }],
      ['help proof', { kind: 'help', topic: 'proof' }],
      ['Help Edit', { kind: 'help', topic: 'edit' }],
      ['status', { kind: 'status' }],
      ['Status?', { kind: 'status' }],
      ['progress', { kind: 'status' }],
      ['where am I?', { kind: 'status' }],
      ['history', { kind: 'history', page: 1 }],
      ['history 3', { kind: 'history', page: 3 }],
      ['history page 2', { kind: 'history', page: 2 }],
      ['entries', { kind: 'history', page: 1 }],
      ['list 10', { kind: 'history', page: 10 }],
      ['undo', { kind: 'undo' }],
      ['UNDO', { kind: 'undo' }],
    ]),
  )('%j → %o', (text, intent) => {
    expect(interpret(text)).toEqual(intent);
  });
});

describe('interpret: answers to a preview', () => {
  it.each(
    cases([
      ['yes', { kind: 'confirm' }],
      ['y', { kind: 'confirm' }],
      ['Yes!', { kind: 'confirm' }],
      ['yep', { kind: 'confirm' }],
      ['confirm', { kind: 'confirm' }],
      ['confirmed.', { kind: 'confirm' }],
      ['ok', { kind: 'confirm' }],
      ['OK', { kind: 'confirm' }],
      ['okay', { kind: 'confirm' }],
      ['correct', { kind: 'confirm' }],
      ['looks good', { kind: 'confirm' }],
      ['save it', { kind: 'confirm' }],
      ['log it', { kind: 'confirm' }],
      ['no', { kind: 'cancel' }],
      ['n', { kind: 'cancel' }],
      ['nope', { kind: 'cancel' }],
      ['cancel', { kind: 'cancel' }],
      ['discard', { kind: 'cancel' }],
      ['drop it', { kind: 'cancel' }],
      ['never mind', { kind: 'cancel' }],
      ['nevermind!', { kind: 'cancel' }],
    ]),
  )('%j → %o', (text, intent) => {
    expect(interpret(text)).toEqual(intent);
  });

  it.each([
    'registered',
    'Registered.',
    'I registered',
    'yes, registered',
    'yes I registered',
    'registered through MLN',
    'I registered through MLN',
    'yes, registered through the MLN registration site',
    'registered via MLN!',
  ])('%j confirms as registered', (text) => {
    expect(interpret(text)).toEqual({ kind: 'confirm', registered: true });
  });

  it.each([
    'not registered',
    'unregistered',
    'no, not registered',
    'yes, not registered',
    'I did not register',
    "I didn't register",
    'didnt register',
    "no, I didn't register.",
    "I didn't register through MLN",
    'not registered with MLN',
  ])('%j confirms as not registered', (text) => {
    expect(interpret(text)).toEqual({ kind: 'confirm', registered: false });
  });
});

describe('interpret: log', () => {
  it.each(
    cases([
      ['log watched the MLN webinar, 45 min', { kind: 'log', text: 'watched the MLN webinar, 45 min', explicit: true }],
      ['LOG 30 min compliance course', { kind: 'log', text: '30 min compliance course', explicit: true }],
      ['log   "Hospice Benefit" yesterday  ', { kind: 'log', text: '"Hospice Benefit" yesterday', explicit: true }],
      ['log it yesterday', { kind: 'log', text: 'it yesterday', explicit: true }],
      ['log hello', { kind: 'log', text: 'hello', explicit: true }],
      ['log', { kind: 'unknown', text: '', reason: 'usage', topic: 'log' }],
      ['log    ', { kind: 'unknown', text: '', reason: 'usage', topic: 'log' }],
    ]),
  )('%j → %o', (text, intent) => {
    expect(interpret(text)).toEqual(intent);
  });

  it.each([
    'finished the MLN web-based training "Medicare Billing: 837P and Form CMS-1500 (60 minutes)" yesterday',
    'watched the MLN webinar on telehealth billing yesterday, 45 min',
    'National Provider Call: Hospital Value-Based Purchasing 1:30 – 3:00 pm ET',
    '45 min',
    'completed the hospice course',
    'went to the ACMSS workshop',
    'got 1 CEU from CMS',
  ])('free text that looks like a training is a log, not explicit: %j', (text) => {
    expect(interpret(text)).toEqual({ kind: 'log', text, explicit: false });
  });

  // "hello" is a greeting now (issue 10): test/unit/chat/everyday-phrasing.test.ts.
  it.each(['what is this', 'see you tomorrow', 'passed the post-test', 'I took my dog for a walk', 'did you get my message'])('other free text is unrecognised: %j', (text) => {
    expect(interpret(text)).toEqual({ kind: 'unknown', text, reason: 'unrecognised' });
  });
});

describe('interpret: cert', () => {
  it.each(
    cases([
      ['cert CMSS-12345 issued 2026-01-15', { kind: 'cert', number: 'CMSS-12345', issued: '2026-01-15', expires: null }],
      ['cert CMSS-12345 2026-01-15', { kind: 'cert', number: 'CMSS-12345', issued: '2026-01-15', expires: null }],
      ['cert CMSS-12345 issued 2026-01-15 expires 2027-01-15', { kind: 'cert', number: 'CMSS-12345', issued: '2026-01-15', expires: '2027-01-15' }],
      ['certificate #CMSS-9 issued on Jan 15 2026 expires on Jan 15 2027', { kind: 'cert', number: 'CMSS-9', issued: 'Jan 15 2026', expires: 'Jan 15 2027' }],
      ['renew CMSS-1 2026-01-15 to 2027-01-15', { kind: 'cert', number: 'CMSS-1', issued: '2026-01-15', expires: '2027-01-15' }],
      ['credential CMSS-1 issued yesterday exp. 2027-01-01', { kind: 'cert', number: 'CMSS-1', issued: 'yesterday', expires: '2027-01-01' }],
      ['cert 555 1/15/2026 until 1/15/2027', { kind: 'cert', number: '555', issued: '1/15/2026', expires: '1/15/2027' }],
      ['cert', { kind: 'unknown', text: '', reason: 'usage', topic: 'cert' }],
      ['cert CMSS-1', { kind: 'unknown', text: 'CMSS-1', reason: 'usage', topic: 'cert' }],
    ]),
  )('%j → %o', (text, intent) => {
    expect(interpret(text)).toEqual(intent);
  });
});

describe('interpret: fee', () => {
  it.each(
    cases([
      ['fee paid', { kind: 'fee', amountText: null, dateText: null, reference: null }],
      ['fee paid $85', { kind: 'fee', amountText: '85', dateText: null, reference: null }],
      ['fee paid 85 usd on 2026-01-10 ref ABC123', { kind: 'fee', amountText: '85', dateText: '2026-01-10', reference: 'ABC123' }],
      ['fee paid on Jan 10', { kind: 'fee', amountText: null, dateText: 'Jan 10', reference: null }],
      ['fee paid $85.00 yesterday receipt: R-77', { kind: 'fee', amountText: '85.00', dateText: 'yesterday', reference: 'R-77' }],
      ['fee paid ref: X1', { kind: 'fee', amountText: null, dateText: null, reference: 'X1' }],
      ['fee paid reference 2026-ACMSS-4', { kind: 'fee', amountText: null, dateText: null, reference: '2026-ACMSS-4' }],
      ['fee paid $85 receipt R-9', { kind: 'fee', amountText: '85', dateText: null, reference: 'R-9' }],
      ['fee', { kind: 'unknown', text: '', reason: 'usage', topic: 'fee' }],
      ['fee unpaid', { kind: 'unknown', text: 'unpaid', reason: 'usage', topic: 'fee' }],
    ]),
  )('%j → %o', (text, intent) => {
    expect(interpret(text)).toEqual(intent);
  });
});

describe('interpret: proof', () => {
  it.each(
    cases([
      ['proof ./certificate.pdf', { kind: 'attach-local', path: './certificate.pdf', seq: null }],
      ['proof 3 ./certificate.pdf', { kind: 'attach-local', path: './certificate.pdf', seq: 3 }],
      ['proof #3 "./my cert.pdf"', { kind: 'attach-local', path: './my cert.pdf', seq: 3 }],
      ['attach entry 4 /tmp/c.png', { kind: 'attach-local', path: '/tmp/c.png', seq: 4 }],
      ['proof to 2 cert.pdf', { kind: 'attach-local', path: 'cert.pdf', seq: 2 }],
      ["proof '~/Downloads/MLN cert.jpg'", { kind: 'attach-local', path: '~/Downloads/MLN cert.jpg', seq: null }],
      ['proof 2025-report.pdf', { kind: 'attach-local', path: '2025-report.pdf', seq: null }],
      ['proof', { kind: 'unknown', text: '', reason: 'usage', topic: 'proof' }],
    ]),
  )('%j → %o', (text, intent) => {
    expect(interpret(text)).toEqual(intent);
  });
});

describe('interpret: edit and delete', () => {
  it.each(
    cases([
      ['edit 3 minutes 45', { kind: 'edit', seq: 3, change: { field: 'minutes', text: '45' } }],
      ['edit 3 min 45', { kind: 'edit', seq: 3, change: { field: 'minutes', text: '45' } }],
      ['edit #3 length: 1 hour', { kind: 'edit', seq: 3, change: { field: 'minutes', text: '1 hour' } }],
      ['edit entry 3 duration 90 min', { kind: 'edit', seq: 3, change: { field: 'minutes', text: '90 min' } }],
      ['edit 3 title "Hospice Benefit"', { kind: 'edit', seq: 3, change: { field: 'title', text: 'Hospice Benefit' } }],
      ['change 3 name Hospice Benefit (60 minutes)', { kind: 'edit', seq: 3, change: { field: 'title', text: 'Hospice Benefit (60 minutes)' } }],
      ['fix 3 date 2026-11-02', { kind: 'edit', seq: 3, change: { field: 'date', text: '2026-11-02' } }],
      ['edit 3 completed yesterday', { kind: 'edit', seq: 3, change: { field: 'date', text: 'yesterday' } }],
      ['edit 3 kind webinar', { kind: 'edit', seq: 3, change: { field: 'kind', kind: 'webinar', text: 'webinar' } }],
      ['edit 3 kind NPC', { kind: 'edit', seq: 3, change: { field: 'kind', kind: 'npc', text: 'NPC' } }],
      ['edit 3 type National Provider Call', { kind: 'edit', seq: 3, change: { field: 'kind', kind: 'npc', text: 'National Provider Call' } }],
      ['edit 3 kind web-based training', { kind: 'edit', seq: 3, change: { field: 'kind', kind: 'wbt', text: 'web-based training' } }],
      ['edit 3 kind banana', { kind: 'edit', seq: 3, change: { field: 'kind', kind: null, text: 'banana' } }],
      ['edit 3 registered yes', { kind: 'edit', seq: 3, change: { field: 'registered', registered: true } }],
      ['edit 3 registration y', { kind: 'edit', seq: 3, change: { field: 'registered', registered: true } }],
      ['edit 3 registered true', { kind: 'edit', seq: 3, change: { field: 'registered', registered: true } }],
      ['edit 3 registration no', { kind: 'edit', seq: 3, change: { field: 'registered', registered: false } }],
      ['edit 3 registered not registered', { kind: 'edit', seq: 3, change: { field: 'registered', registered: false } }],
      ['edit 3 registered maybe', { kind: 'unknown', text: '3 registered maybe', reason: 'usage', topic: 'edit' }],
      ['edit 3 colour red', { kind: 'unknown', text: '3 colour red', reason: 'usage', topic: 'edit' }],
      ['edit 3', { kind: 'unknown', text: '3', reason: 'usage', topic: 'edit' }],
      ['edit', { kind: 'unknown', text: '', reason: 'usage', topic: 'edit' }],
      ['delete 3', { kind: 'delete', seq: 3 }],
      ['delete entry 3', { kind: 'delete', seq: 3 }],
      ['remove #12', { kind: 'delete', seq: 12 }],
      ['delete', { kind: 'unknown', text: '', reason: 'usage', topic: 'edit' }],
      ['delete everything', { kind: 'unknown', text: '', reason: 'usage', topic: 'edit' }],
    ]),
  )('%j → %o', (text, intent) => {
    expect(interpret(text)).toEqual(intent);
  });
});

describe('interpret: empty messages, and no platform command name', () => {
  it.each(
    cases([
      ['', { kind: 'unknown', text: '', reason: 'empty' }],
      ['   ', { kind: 'unknown', text: '', reason: 'empty' }],
      ['/ceulog x', { kind: 'unknown', text: '/ceulog x', reason: 'unrecognised' }],
    ]),
  )('%j → %o', (text, intent) => {
    expect(interpret(text)).toEqual(intent);
  });

  // Slack's "/ceu" is stripped by the Slack adapter (and the terminal) before the text gets here
  // (test/unit/common/command-text.test.ts); the core reads the words after it only.
  it('does not know Slack\'s command name', () => {
    expect(interpret('/ceu status').kind).not.toBe('status');
    expect(interpret('ceu history 2').kind).not.toBe('history');
  });
});

describe('looksLikeTraining', () => {
  it.each([
    ['45 min', true],
    ['1:30 – 3:00 pm ET', true],
    ['National Provider Call: Hospice', true],
    ['the webinar', true],
    ['finished it', false],
    ['I took my dog for a walk', false],
    ['CMS thing', true],
    ['hello there', false],
    ['good morning', false],
    ['CMS-1500', true],
  ])('%j → %s', (text, expected) => {
    expect(looksLikeTraining(text)).toBe(expected);
  });
});

describe('interpret: trainings whose titles start like commands', () => {
  it.each([
    'Certificate of completion: MLN webinar Telehealth Billing 45 min',
    'Fee schedule webinar 45 minutes yesterday',
    'Change Healthcare cyberattack webinar 45 min',
    'Attach billing codes course 60 min',
    'Remove barriers to care webinar, 1 hour',
  ])('%j is a training to log', (text) => {
    expect(interpret(text)).toEqual({ kind: 'log', text, explicit: false });
  });

  it('still reads the real commands', () => {
    expect(interpret('cert CMSS-12345 issued 2026-01-15')).toMatchObject({ kind: 'cert', number: 'CMSS-12345' });
    expect(interpret('fee paid $1,000')).toMatchObject({ kind: 'fee', amountText: '1000' });
    expect(interpret('proof ./certificate.pdf')).toMatchObject({ kind: 'attach-local', path: './certificate.pdf' });
    expect(interpret('cert')).toMatchObject({ kind: 'unknown', reason: 'usage', topic: 'cert' });
  });
});
