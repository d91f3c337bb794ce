import { describe, expect, it } from 'vitest';
import type { ComplianceReason, ErrorCode, Reply } from '../../../src/index.ts';
import { reasonText, warningText } from '../../../adapters/common/compliance-phrases.ts';
import { errorMessage } from '../../../adapters/common/error-messages.ts';
import { helpSections } from '../../../adapters/common/help.ts';
import { present } from '../../../adapters/common/present.ts';
import type { ActionId, Part, Presentation, PresentContext } from '../../../adapters/common/presentation.ts';
import { aHistory, aPreview, aStatus, aView, DRAFT_ID, EVERY_ERROR, EVERY_UNDO, EVERY_WARNING, ONE_OF_EACH, PROGRESS } from '../../builders/replies.ts';
import { sentencesOf, written } from '../../support/presentation-text.ts';

const SLACK: PresentContext = { commandPrefix: '/ceu ', surface: 'chat' };
const TERMINAL: PresentContext = { commandPrefix: '', surface: 'terminal' };
const TRAINING_ID = aView(3).id;

const says = (reply: Reply, context = TERMINAL) => sentencesOf(present(reply, context));
const actionIds = (reply: Reply, context = TERMINAL): ActionId[] => present(reply, context).actions.map((a) => a.id);
const typed = (reply: Reply, context = TERMINAL): string | null => {
  const words = present(reply, context).typed;
  return words === null ? null : written(words);
};
const partsOf = <K extends Part['kind']>(p: Presentation, kind: K) => p.body.filter((part): part is Extract<Part, { kind: K }> => part.kind === kind);

describe('present(): what every reply kind says, in order (terminal wording)', () => {
  const hospice = aView(3, { title: 'Hospice Benefit' });
  it.each<[string, Reply, string[]]>([
    [
      'welcome, no certificate yet',
      ONE_OF_EACH.welcome,
      [
        'Welcome to Recert, Dana Scribe! I keep track of your CE credit for your certification.',
        'Start with your certificate: `cert CMSS-12345 issued 2026-01-15`. Then tell me about a training, e.g.',
        'finished the MLN web-based training "Medicare Billing: 837P and Form CMS-1500 (60 minutes)" yesterday',
        '`help` shows everything I can do.',
      ],
    ],
    ['not-understood', ONE_OF_EACH['not-understood'], ["Sorry, I didn't understand that. Tell me about a training (title, length and date), or type `help`."]],
    [
      'training-preview',
      ONE_OF_EACH['training-preview'],
      [
        'Here is what I understood:',
        'Title: Medicare Billing: 837P and Form CMS-1500',
        'Kind: web-based training',
        'Date: Nov 26, 2026',
        'Length: 75 minutes (from "1 hr 15 min")',
        'Credit: 1.5 CE',
        'Index: CMS06140729A',
        'How: 1 hr 15 min = 60 + 15 = 75 minutes; 75 minutes is over 60 and up to 90 → 1.5 CE, index CMS06140729A',
      ],
    ],
    ['question: the length', ONE_OF_EACH.question, ['How long was "Telehealth Billing"? Send the length, like "45 min" or "1.5 hours" (or just "45").']],
    ['question: the length, no title yet', { ...ONE_OF_EACH.question, title: null }, ['How long was it? Send the length, like "45 min" or "1.5 hours" (or just "45").']],
    [
      'question: one of several lengths',
      { ...ONE_OF_EACH.question, candidates: [{ minutes: 60, text: '1 hour' }, { minutes: 45, text: '45 min' }] },
      ['I found more than one length in that message: "1 hour" (60 min) or "45 min" (45 min). One training has one length — how many minutes was "Telehealth Billing"?'],
    ],
    ['question: the title', { ...ONE_OF_EACH.question, ask: 'title', title: null }, ['What was the training called? Send its title (for MLN courses, as it appears in the catalogue).']],
    [
      'training-logged',
      ONE_OF_EACH['training-logged'],
      [
        'Logged entry #3: Medicare Billing: 837P and Form CMS-1500',
        '75 min → 1.5 CE (CMS06140729A)',
        'How: 1 hr 15 min = 60 + 15 = 75 minutes; 75 minutes is over 60 and up to 90 → 1.5 CE, index CMS06140729A',
        'Progress: 1.5 of 3 CE — At risk.',
        'Attach its certificate with `proof 3 <file>`.',
      ],
    ],
    [
      'training-logged before a certificate is on file, already logged',
      { ...ONE_OF_EACH['training-logged'], alreadyLogged: true, progress: { ...PROGRESS, hasCredential: false } },
      [
        'Already logged as entry #3: Medicare Billing: 837P and Form CMS-1500',
        '75 min → 1.5 CE (CMS06140729A)',
        'How: 1 hr 15 min = 60 + 15 = 75 minutes; 75 minutes is over 60 and up to 90 → 1.5 CE, index CMS06140729A',
        'Progress: 1.5 CE logged. Add your certificate with `cert <number> issued <date>` to track your cycle.',
        'Attach its certificate with `proof 3 <file>`.',
      ],
    ],
    ['draft-cancelled', ONE_OF_EACH['draft-cancelled'], ['Dropped "Telehealth Billing"; nothing was logged.']],
    ['draft-cancelled without a title', { kind: 'draft-cancelled', title: null }, ['Dropped; nothing was logged.']],
    [
      'training-updated',
      ONE_OF_EACH['training-updated'],
      [
        'Updated entry #3 (length): Medicare Billing: 837P and Form CMS-1500 — 45 min → 1 CE (CMS06140728A)',
        'How: 1 hr 15 min = 60 + 15 = 75 minutes; 45 minutes is over 30 and up to 60 → 1 CE, index CMS06140728A',
        'Progress: 1.5 of 3 CE — At risk.',
      ],
    ],
    [
      'training-updated, not counted',
      { ...ONE_OF_EACH['training-updated'], training: aView(3, { notCounted: 'duplicate' }), changed: ['title', 'completedOn'] },
      [
        'Updated entry #3 (title, date): Medicare Billing: 837P and Form CMS-1500 — 75 min → 1.5 CE (CMS06140729A), not counted: same course already counted this cycle',
        'How: 1 hr 15 min = 60 + 15 = 75 minutes; 75 minutes is over 60 and up to 90 → 1.5 CE, index CMS06140729A',
        'Progress: 1.5 of 3 CE — At risk.',
      ],
    ],
    ['training-deleted', { kind: 'training-deleted', training: hospice, progress: PROGRESS }, ['Deleted entry #3: Hospice Benefit. `undo` brings it back.', 'Progress: 1.5 of 3 CE — At risk.']],
    [
      'proof-attached',
      ONE_OF_EACH['proof-attached'],
      ['Attached "certificate.pdf" (47 KB, application/pdf) to entry #3: Medicare Billing: 837P and Form CMS-1500.', `SHA-256 ${'ab'.repeat(8)}…`],
    ],
    [
      'proof-attached: a stored file, also on other entries',
      { ...ONE_OF_EACH['proof-attached'], reusedStoredFile: true, alsoAttachedTo: [{ seq: 1, title: 'A' }, { seq: 2, title: 'B' }] },
      [
        'Attached "certificate.pdf" (47 KB, application/pdf) to entry #3: Medicare Billing: 837P and Form CMS-1500.',
        'The same file was already stored, so I linked it instead of storing it again.',
        'The same file is also attached to #1 A, #2 B. A certificate usually belongs to one training.',
        `SHA-256 ${'ab'.repeat(8)}…`,
      ],
    ],
    ['proof-attached: already there', { ...ONE_OF_EACH['proof-attached'], alreadyAttached: true }, ['"certificate.pdf" is already attached to entry #3 (Medicare Billing: 837P and Form CMS-1500).']],
    ['credential-saved', ONE_OF_EACH['credential-saved'], ['Saved your CMSS certificate CMSS-12345: issued Jan 15, 2026, expires Jan 15, 2027. This cycle needs 3 CE.']],
    ['credential-saved: renewed', { ...ONE_OF_EACH['credential-saved'], mode: 'renewed' }, ['Renewed your CMSS certificate CMSS-12345: issued Jan 15, 2026, expires Jan 15, 2027. This cycle needs 3 CE.']],
    ['credential-saved: corrected', { ...ONE_OF_EACH['credential-saved'], mode: 'corrected' }, ['Corrected your CMSS certificate CMSS-12345: issued Jan 15, 2026, expires Jan 15, 2027. This cycle needs 3 CE.']],
    ['fee-recorded', ONE_OF_EACH['fee-recorded'], ['Recorded the renewal fee: $85 paid Jan 10, 2026 (certificate CMSS-12345).']],
    ['fee-recorded in another currency, with cents', { ...ONE_OF_EACH['fee-recorded'], amountCents: 8550, currency: 'EUR' }, ['Recorded the renewal fee: 85.50 EUR paid Jan 10, 2026 (certificate CMSS-12345).']],
    ['history: nothing yet', aHistory(0), ['No entries yet. Tell me about a training (title, length, date) to log it.']],
    [
      'history',
      aHistory(2),
      [
        'Your entries (2; page 1 of 1):',
        '#1 · Nov 2, 2026 · Course 1 — 75 min → 1.5 CE (CMS06140729A) · web-based training · no proof',
        '#2 · Nov 2, 2026 · Course 2 — 75 min → 1.5 CE (CMS06140729A) · web-based training · proof ✓',
        'Fix an entry with `edit <number> …`; `undo` takes back your last change.',
      ],
    ],
    [
      'history: an entry awaiting review',
      { kind: 'history', entries: [aView(1, { minutes: 150 })], page: 1, pageCount: 1, total: 1 },
      ['Your entries (1; page 1 of 1):', '#1 · Nov 2, 2026 · Medicare Billing: 837P and Form CMS-1500 — 150 min → needs manual review (no automatic credit) · web-based training · no proof', 'Fix an entry with `edit <number> …`; `undo` takes back your last change.'],
    ],
  ])('%s', (_name, reply, expected) => {
    expect(says(reply)).toEqual(expected);
  });
});

describe('present(): every undo variant', () => {
  const expected: Record<string, string[]> = {
    'training.logged': ['Undone: entry #3 (Hospice Benefit) is no longer logged.'],
    'training.deleted': ['Undone: entry #3 (Hospice Benefit) is back.'],
    'training.edited': ['Undone: entry #3 is back to Hospice Benefit — 75 min → 1.5 CE (CMS06140729A).'],
    'proof.attached': ['Undone: "c.pdf" is no longer attached to entry #3.', 'Undone: "c.pdf" is no longer attached.'],
    'fee.recorded': ['Undone: the $85 fee payment is removed.'],
    'credential.saved': ['Undone: the change to certificate CMSS-12345 is reverted.'],
  };
  it.each(Object.entries(EVERY_UNDO))('%s', (action, changes) => {
    expect(changes.map((change) => says({ kind: 'undone', change }))).toEqual(expected[action]?.map((s) => [s]));
    for (const change of changes) expect(present({ kind: 'undone', change }, TERMINAL)).toMatchObject({ tone: 'ok', heading: null, actions: [], typed: null });
  });
});

describe('present(): the preview', () => {
  const reply = ONE_OF_EACH['training-preview'];

  it('offers Confirm (the primary action), Edit and Cancel on the draft, and says how to answer by typing', () => {
    const p = present(reply, SLACK);
    expect(p.actions).toEqual([
      { id: { kind: 'confirm', draftId: DRAFT_ID }, label: 'Confirm', primary: true },
      { id: { kind: 'edit-draft', draftId: DRAFT_ID }, label: 'Edit', primary: false },
      { id: { kind: 'cancel-draft', draftId: DRAFT_ID }, label: 'Cancel', primary: false },
    ]);
    expect(typed(reply)).toBe('Log it? Answer `yes` to confirm or `no` to drop it.');
    expect(p.tone).toBe('info');
  });

  it('asks a call about MLN registration, with two ways to confirm', () => {
    const call = { ...reply, preview: aPreview({ kind: 'npc', asksRegistration: true }) };
    expect(says(call).at(-1)).toBe('Did you register for this call through MLN?');
    expect(present(call, SLACK).actions.map((a) => [a.id.kind, a.label, a.primary])).toEqual([
      ['confirm', 'Confirm — I registered', true],
      ['confirm-unregistered', 'Not registered', false],
      ['edit-draft', 'Edit', false],
      ['cancel-draft', 'Cancel', false],
    ]);
    expect(typed(call)).toBe('Answer `registered` to log it, `not registered` to log it without credit, or `no` to drop it.');
  });

  it('says what was not stated, and when no credit is awarded (no index then)', () => {
    const p = present({ ...reply, preview: aPreview({ dateStated: false, kindStated: false, minutes: 150, durationText: '2.5 hours', durationHow: '2.5 hours = 150 minutes' }) }, TERMINAL);
    expect(partsOf(p, 'facts')[0]?.facts.map((f) => `${f.label}: ${written(f.value)}`)).toEqual([
      'Title: Medicare Billing: 837P and Form CMS-1500',
      'Kind: web-based training (not stated)',
      'Date: Nov 26, 2026 (today)',
      'Length: 150 minutes (from "2.5 hours")',
      'Credit: Needs manual review — no automatic credit',
    ]);
  });

  it.each(EVERY_WARNING.map((w) => [w.code, w] as const))('shows the %s warning as a warning note, in the shared wording', (_code, warning) => {
    for (const context of [TERMINAL, SLACK]) {
      const notes = partsOf(present({ ...reply, preview: aPreview({ warnings: [warning] }) }, context), 'note');
      expect(notes.filter((n) => n.warning).map((n) => written(n.text))).toEqual([warningText(warning).replace(/`cert /g, `\`${context.commandPrefix}cert `)]);
    }
  });
});

describe('present(): questions, logged, updated and deleted offer what the reply is about', () => {
  it.each<[string, Reply, ActionId[], string | null]>([
    ['question', ONE_OF_EACH.question, [{ kind: 'cancel-draft', draftId: DRAFT_ID }], 'Or answer `no` to drop it.'],
    ['training-logged', ONE_OF_EACH['training-logged'], [{ kind: 'undo', trainingId: TRAINING_ID }], '`undo` takes it back.'],
    ['training-updated', ONE_OF_EACH['training-updated'], [{ kind: 'undo', trainingId: TRAINING_ID }], '`undo` takes it back.'],
    ['training-deleted (the sentence says it already)', ONE_OF_EACH['training-deleted'], [{ kind: 'undo', trainingId: TRAINING_ID }], null],
  ])('%s', (_name, reply, ids, words) => {
    expect(actionIds(reply)).toEqual(ids);
    expect(typed(reply)).toBe(words);
  });

  it('writes commands for the platform', () => {
    expect(typed(ONE_OF_EACH['training-logged'], SLACK)).toBe('`/ceu undo` takes it back.');
    expect(says(ONE_OF_EACH['training-deleted'], SLACK)[0]).toContain('`/ceu undo` brings it back.');
  });

  it('words the few surface-dependent sentences for chat: answers in the thread, certificates shared as files', () => {
    expect(says(ONE_OF_EACH.question, SLACK)).toEqual(['How long was "Telehealth Billing"? Send the length in this thread, like "45 min" or "1.5 hours" (or just "45").']);
    expect(says({ ...ONE_OF_EACH.question, candidates: [{ minutes: 60, text: '1 hour' }, { minutes: 45, text: '45 min' }] }, SLACK)[0]).toMatch(/\? Answer in this thread\.$/);
    expect(says({ ...ONE_OF_EACH.question, ask: 'title', title: null }, SLACK)).toEqual(['What was the training called? Send its title in this thread (for MLN courses, as it appears in the catalogue).']);
    expect(says(ONE_OF_EACH['training-logged'], SLACK).at(-1)).toBe('Share the certificate file (PDF, PNG or JPEG) in this thread to attach it to entry #3.');
  });

  it('tones: done is ok, nothing new is info', () => {
    expect(present(ONE_OF_EACH['training-logged'], TERMINAL).tone).toBe('ok');
    expect(present({ ...ONE_OF_EACH['training-logged'], alreadyLogged: true }, TERMINAL).tone).toBe('info');
    expect(present({ ...ONE_OF_EACH['proof-attached'], alreadyAttached: true }, TERMINAL).tone).toBe('info');
    expect(present(ONE_OF_EACH['proof-attached'], TERMINAL).tone).toBe('ok');
  });
});

describe('present(): status', () => {
  const reasons: ComplianceReason[] = [
    { code: 'no-credential' },
    { code: 'certificate-expired', expiredOn: '2026-01-15', daysAgo: 3 },
    { code: 'certificate-not-yet-valid', issuedOn: '2026-12-01', daysUntil: 4 },
    { code: 'certificate-expiring', expiresOn: '2026-12-15', daysLeft: 18 },
    { code: 'credit-short', earned: 1.5, required: 3, missing: 1.5 },
    { code: 'fee-unpaid', feeCents: 8500, currency: 'USD' },
    { code: 'proof-missing', entries: [{ seq: 1, title: 'A' }, { seq: 2, title: 'B' }] },
    { code: 'duplicate-course', title: 'Hospice Benefit', seqs: [1, 3] },
    { code: 'needs-review', entries: [{ seq: 5, title: 'Long course' }] },
    { code: 'registration-missing', entries: [{ seq: 6, title: 'A call' }] },
  ];

  it('heads with the credential and the state, then who, the bar, the certificate and fee, what to do, and the dates', () => {
    const p = present({ kind: 'status', status: aStatus() }, TERMINAL);
    expect(p).toMatchObject({ tone: 'warning', heading: 'CMSS: At risk', actions: [], typed: null });
    expect(partsOf(p, 'progress')).toMatchObject([{ earned: 1.5, required: 3 }]);
    expect(sentencesOf(p)).toEqual([
      'CMSS: At risk',
      'Dana Scribe · CMSS (Certified Medical Scribe Specialist)',
      '1.5 of 3 CE (1 entry, 75 min counted)',
      'Certificate CMSS-12345: issued Jan 15, 2026, expires Jan 15, 2027 (in 49 days)',
      'Renewal fee $85: not recorded as paid',
      'To do',
      '1.5 CE of 3 CE earned: 1.5 CE still needed this cycle.',
      'Renewal fee of $85 not recorded as paid for this cycle.',
      '1 entry without a certificate or contact-hour proof: #1 Medicare Billing: 837P and Form CMS-1500.',
      'Dates in America/Chicago; today is Nov 27, 2026.',
    ]);
  });

  it.each([
    ['compliant', 'ok'],
    ['at_risk', 'warning'],
    ['out_of_compliance', 'error'],
  ] as const)('%s is the %s tone', (state, tone) => {
    expect(present({ kind: 'status', status: aStatus({ state }) }, TERMINAL).tone).toBe(tone);
  });

  it.each(reasons.filter((r) => r.code !== 'no-credential').map((r) => [r.code, r] as const))('lists the %s reason in the shared wording', (_code, reason) => {
    const p = present({ kind: 'status', status: aStatus({ reasons: [reason] }) }, SLACK);
    expect(partsOf(p, 'list')[0]?.items.map(written)).toEqual([reasonText(reason).replace(/`cert /g, '`/ceu cert ')]);
  });

  it('without a certificate: the certificate line says how to add one, the reason is not repeated, and there is no fee line', () => {
    const s = says({ kind: 'status', status: aStatus({ certificate: null, reasons: [{ code: 'no-credential' }] }) });
    expect(s).toContain('No certificate on file — add it with `cert <number> issued <date>`.');
    expect(s.join('\n')).not.toContain('Renewal fee');
    expect(s.join('\n').match(/No certificate on file/g)).toHaveLength(1);
    expect(s).not.toContain('To do');
  });

  it('an expired certificate, a paid fee, a fee without an amount, no fee at all', () => {
    expect(says({ kind: 'status', status: aStatus({ certificate: { number: 'CMSS-1', issuedOn: '2025-01-15', expiresOn: '2026-01-15', daysLeft: -3 } }) })).toContain('Certificate CMSS-1: issued Jan 15, 2025, expired Jan 15, 2026');
    expect(says({ kind: 'status', status: aStatus({ fee: { required: true, paid: true, amountCents: 8500, currency: 'USD' } }) })).toContain('Renewal fee $85: paid');
    expect(says({ kind: 'status', status: aStatus({ fee: { required: true, paid: false, amountCents: null, currency: 'USD' } }) })).toContain('Renewal fee: not recorded as paid');
    expect(says({ kind: 'status', status: aStatus({ fee: { required: false, paid: false, amountCents: null, currency: 'USD' }, reasons: [] }) }).join('\n')).not.toContain('Renewal fee');
  });

  // Issue 10: status shows what was actually paid when it differs from the fee.
  it.each([
    [8000, 'Renewal fee $85: paid $80 on Mar 8, 2026 — $5 short'],
    [85000, 'Renewal fee $85: paid $850 on Mar 8, 2026 — $765 over'],
    [8500, 'Renewal fee $85: paid'],
  ])('a payment of %i cents reads %j', (amountCents, line) => {
    const fee = { required: true, paid: true, amountCents: 8500, currency: 'USD', payment: { amountCents, paidOn: '2026-03-08' as const } };
    expect(says({ kind: 'status', status: aStatus({ fee }) })).toContain(line);
  });
});

describe('present(): history pages', () => {
  it.each<[number, ActionId[], string | null]>([
    [1, [{ kind: 'history-page', page: 2, direction: 'next' }], 'More: `history 2`'],
    [2, [{ kind: 'history-page', page: 1, direction: 'previous' }, { kind: 'history-page', page: 3, direction: 'next' }], 'More: `history 3`; previous page: `history 1`'],
    [3, [{ kind: 'history-page', page: 2, direction: 'previous' }], 'Previous page: `history 2`'],
  ])('page %s of 3', (page, ids, words) => {
    expect(actionIds(aHistory(25, page))).toEqual(ids);
    expect(typed(aHistory(25, page))).toBe(words);
  });

  it('one page: nothing to page through', () => {
    expect(actionIds(aHistory(3))).toEqual([]);
    expect(typed(aHistory(3))).toBeNull();
    expect(actionIds(aHistory(0))).toEqual([]);
  });
});

describe('present(): help', () => {
  it.each(['all', 'log', 'cert', 'fee', 'proof', 'edit'] as const)('topic %s: one list per section, then how plain messages (chat) or the terminal work', (topic) => {
    for (const context of [TERMINAL, SLACK]) {
      const p = present({ kind: 'help', topic }, context);
      const lists = partsOf(p, 'list');
      expect(lists.map((l) => [l.title, l.items.map(written)])).toEqual(helpSections(topic, context).map((s) => [s.title, s.lines]));
      expect(sentencesOf(p).at(-1)).toBe(
        context.surface === 'chat'
          ? "Plain messages work too: write to me in a DM, or mention me in a channel. Attach a certificate by sharing the file (PDF, PNG or JPEG) in our conversation or in the entry's thread."
          : '`as NAME` switches who is speaking; `quit` leaves.',
      );
    }
  });

  it('attaching a certificate: by path in the terminal, by sharing the file in chat', () => {
    expect(says({ kind: 'help', topic: 'proof' })).toContain('proof 3 ./certificate.pdf — attaches to entry 3');
    expect(says({ kind: 'help', topic: 'proof' }, SLACK).join('\n')).toContain('Share the file of the certificate');
  });

  it('writes commands with the platform prefix', () => {
    expect(says({ kind: 'help', topic: 'fee' }, SLACK)).toContain('/ceu fee paid — records the standard fee today');
    expect(says({ kind: 'help', topic: 'fee' })).toContain('fee paid — records the standard fee today');
  });
});

describe('present(): every error code, through errorMessage', () => {
  it.each(Object.entries(EVERY_ERROR) as [ErrorCode, (typeof EVERY_ERROR)[ErrorCode]][])('%s', (code, details) => {
    const reply: Reply = { kind: 'error', code, details };
    const p = present(reply, TERMINAL);
    expect(p).toMatchObject({ tone: 'error', heading: null, typed: null });
    // Only the questions asked instead of storing (issue 10) offer buttons: their answers.
    const questions = ['fee-amount-differs', 'credential-number-taken'];
    if (!questions.includes(code)) expect(p.actions).toEqual([]);
    else if (p.actions.length) expect(p.actions.map((a) => a.id.kind)).toEqual([code === 'credential-number-taken' ? 'cert-anyway' : 'fee-anyway', 'fix-typed']);
    expect(sentencesOf(p)).toEqual([errorMessage(code, details)]);
    expect(sentencesOf(present(reply, SLACK))).toEqual([errorMessage(code, details).replace(/`(cert|fee|history|undo|status|log|edit|delete|help)(?=[\s`])/g, '`/ceu $1')]);
  });
});

describe('present(): every reply kind, on every surface', () => {
  const replies = Object.values(ONE_OF_EACH);
  it.each(replies.flatMap((r) => [[r.kind, 'terminal', r, TERMINAL] as const, [r.kind, 'chat', r, SLACK] as const]))('%s (%s): says something, at most one primary action, no unfilled value', (_kind, _surface, reply, context) => {
    const p = present(reply, context);
    const all = sentencesOf(p);
    expect(all.length).toBeGreaterThan(0);
    expect(p.actions.filter((a) => a.primary).length).toBeLessThanOrEqual(1);
    expect(all.join('\n')).not.toMatch(/undefined|null|NaN|\[object/);
  });
});
