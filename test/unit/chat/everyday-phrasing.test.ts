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
    // The review of issue 10: the fee first, then "paid" (was taken as the answer to "what was it called?").
    ['renewal fee $85 paid on Nov 1', { kind: 'fee', amountText: '85', dateText: 'Nov 1', reference: null }],
    ['my ACMSS fee of $85 was paid yesterday', { kind: 'fee', amountText: '85', dateText: 'yesterday', reference: null }],
    ['the annual fee is paid', { kind: 'fee', amountText: null, dateText: null, reference: null }],
  ],
  // The review of issue 10: questions in words (all were "Sorry, I didn't understand that").
  status: [
    ["what's my status?", { kind: 'status' }],
    ['how am I doing', { kind: 'status' }],
    ['am I compliant?', { kind: 'status' }],
    ['how many CE do I have so far', { kind: 'status' }],
    ['where do I stand', { kind: 'status' }],
    ['status', { kind: 'status' }],
  ],
  history: [
    ['show my history', { kind: 'history', page: 1 }],
    ['show me my trainings', { kind: 'history', page: 1 }],
    ['what have I logged so far?', { kind: 'history', page: 1 }],
    ['history 2', { kind: 'history', page: 2 }],
  ],
  help: [
    ['help me', { kind: 'help', topic: 'all' }],
    ['what can you do?', { kind: 'help', topic: 'all' }],
    ['how does this work', { kind: 'help', topic: 'all' }],
    ['help', { kind: 'help', topic: 'all' }],
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
    ['thanks!', { kind: 'greeting', thanks: true }],
    ['thank you so much 🙏', { kind: 'greeting', thanks: true }],
    ['thx', { kind: 'greeting', thanks: true }],
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
    // "that", "it", "the last one": the newest preview (waiting-drafts.ts).
    ['log that', { kind: 'confirm', which: 'that' }],
    ['yes to the last one', { kind: 'confirm', which: 'the last one' }],
    ['yes, registered through MLN', { kind: 'confirm', registered: true }],
  ],
  cancel: [
    ['no', { kind: 'cancel' }],
    ['nah', { kind: 'cancel' }],
    ['nope 👎', { kind: 'cancel' }],
    ['no thanks', { kind: 'cancel' }],
    ['no to Course A', { kind: 'cancel', which: 'Course A' }],
    ['cancel 2', { kind: 'cancel', which: '2' }],
    ['cancel that', { kind: 'cancel', which: 'that' }],
    ['scratch that', { kind: 'cancel', which: 'that' }],
    ['forget it', { kind: 'cancel' }],
    ['cancel', { kind: 'cancel' }],
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
    ['fee paid $80', 'fee'],
    ['status of the MLN webinar on telehealth, 45 min', 'log'],
    ['thanks to the MLN webinar I know, 45 min', 'log'],
  ])('%j → %s', (text, kind) => {
    expect(interpret(text).kind).toBe(kind);
  });
});
