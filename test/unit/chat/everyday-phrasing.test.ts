import { describe, expect, it } from 'vitest';
import { interpret } from '../../../src/chat/interpret.ts';

// Issue 10: each intent from the sentences people type, beside its keyword form (which keeps working).
const PHRASINGS: Readonly<Record<string, readonly (readonly [string, object])[]>> = {
  cert: [
    ['my certificate number is CMSS-40211, issued March 10, 2026', { kind: 'cert', number: 'CMSS-40211', issued: 'March 10, 2026', expires: null }],
    ['My CMSS certificate is CMSS-40211 issued on 2026-03-10', { kind: 'cert', number: 'CMSS-40211', issued: '2026-03-10', expires: null }],
    ['certificate number: CMSS-40211, issued Mar 10 2026, expires Mar 10 2027', { kind: 'cert', number: 'CMSS-40211', issued: 'Mar 10 2026', expires: 'Mar 10 2027' }],
    ['my license # 40211 was issued 3/10/2026', { kind: 'cert', number: '40211', issued: '3/10/2026', expires: null }],
    ['cert CMSS-40211 issued 2026-03-10', { kind: 'cert', number: 'CMSS-40211', issued: '2026-03-10', expires: null }],
  ],
  fee: [
    ['I paid my $85 renewal fee on March 8', { kind: 'fee', amountText: '85', dateText: 'March 8', reference: null }],
    ['paid the annual fee of $85 yesterday', { kind: 'fee', amountText: '85', dateText: 'yesterday', reference: null }],
    ["I've paid my ACMSS renewal fee", { kind: 'fee', amountText: null, dateText: null, reference: null }],
    ['just paid the renewal fee, receipt INV-77', { kind: 'fee', amountText: null, dateText: null, reference: 'INV-77' }],
    ['fee paid $85 on 2026-01-10', { kind: 'fee', amountText: '85', dateText: '2026-01-10', reference: null }],
  ],
  proof: [
    ["here's my certificate ./certificate.pdf", { kind: 'attach-local', path: './certificate.pdf', seq: null }],
    ['here is the certificate for entry 3: ~/Downloads/cert.png', { kind: 'attach-local', path: '~/Downloads/cert.png', seq: 3 }],
    ['attaching my proof ./examples/sample-certificate.pdf', { kind: 'attach-local', path: './examples/sample-certificate.pdf', seq: null }],
    ['proof ./certificate.pdf', { kind: 'attach-local', path: './certificate.pdf', seq: null }],
  ],
  greeting: [
    ['hi', { kind: 'greeting' }],
    ['hello!', { kind: 'greeting' }],
    ['Hey there 👋', { kind: 'greeting' }],
    ['good morning', { kind: 'greeting' }],
  ],
  confirm: [
    ['yes', { kind: 'confirm' }],
    ['yep 👍', { kind: 'confirm' }],
    ['👍', { kind: 'confirm' }],
    ['yes please!', { kind: 'confirm' }],
    ['ok, looks good', { kind: 'confirm' }],
    ['yes to Course A', { kind: 'confirm', which: 'Course A' }],
    ['yes 1', { kind: 'confirm', which: '1' }],
    ['confirm #2', { kind: 'confirm', which: '2' }],
    ['yes to "Course B"', { kind: 'confirm', which: 'Course B' }],
    ['registered', { kind: 'confirm', registered: true }],
    ['yes, registered through MLN', { kind: 'confirm', registered: true }],
  ],
  cancel: [
    ['no', { kind: 'cancel' }],
    ['nah', { kind: 'cancel' }],
    ['nope 👎', { kind: 'cancel' }],
    ['no thanks', { kind: 'cancel' }],
    ['no to Course A', { kind: 'cancel', which: 'Course A' }],
    ['cancel 2', { kind: 'cancel', which: '2' }],
  ],
};

describe.each(Object.entries(PHRASINGS))('everyday phrasing: %s', (_intent, rows) => {
  it.each(rows)('%j', (text, intent) => {
    expect(interpret(text)).toEqual(intent);
  });
});

describe('sentences that only look like a request stay what they are', () => {
  it.each([
    ['Certificate of completion: MLN webinar on hospice 45 min', 'log'],
    ['log "Course A" 45 min yesterday', 'log'],
    ['hi, I finished the MLN webinar on hospice, 45 min', 'log'],
    ['paid attention to the MLN fee schedule webinar, 1 hour', 'log'],
    ['hello world', 'unknown'],
    ['yes I think so but the length is wrong', 'confirm'],
  ])('%j → %s', (text, kind) => {
    expect(interpret(text).kind).toBe(kind);
  });
});
