import { describe, expect, it } from 'vitest';
import type { PreviewWarning, Reply } from '../../../src/index.ts';
import { reasonText, warningText } from '../../../adapters/common/compliance-phrases.ts';
import { errorMessage } from '../../../adapters/common/error-messages.ts';
import { helpSections } from '../../../adapters/common/help.ts';
import { ACTIONS } from '../../../adapters/slack/ids.ts';
import { renderMessage } from '../../../adapters/slack/render/message.ts';
import { SLACK_WORDING } from '../../../adapters/slack/render/present-context.ts';
import { allText, aPreview, aView, buttonsOf, DRAFT_ID, ONE_OF_EACH, PROGRESS, slackWording } from './fixtures.ts';
import { limitViolations } from './limit-check.ts';

const render = (reply: Reply) => {
  const message = renderMessage(reply);
  return { ...message, all: `${message.text}\n${allText(message.blocks)}`, buttons: buttonsOf(message.blocks) };
};

describe('renderMessage: every reply kind', () => {
  it.each(Object.values(ONE_OF_EACH).map((r) => [r.kind, r] as const))('%s renders a fallback and blocks within the limits, with no raw < or >', (_kind, reply) => {
    const message = renderMessage(reply);
    expect(message.text.trim()).not.toBe('');
    expect(message.blocks.length).toBeGreaterThan(0);
    expect(limitViolations(message.blocks, 50)).toEqual([]);
    // We never produce links or mentions, so any bracket would be unescaped text.
    expect(`${message.text}${allText(message.blocks)}`).not.toMatch(/[<>]/);
  });
});

describe('training-preview', () => {
  const reply = ONE_OF_EACH['training-preview'];

  it('shows the facts (title, kind, date, length, credit, index) and how the credit was computed', () => {
    const { blocks, text, all } = render(reply);
    expect(text).toContain('Medicare Billing: 837P and Form CMS-1500');
    expect(text).toContain('Credit: 1.5 CE\nIndex: CMS06140729A');
    const fields = blocks.flatMap((b) => (b.type === 'section' ? (b.fields ?? []).map((f) => f.text) : []));
    expect(fields).toEqual([
      '*Title*\nMedicare Billing: 837P and Form CMS-1500',
      '*Kind*\nweb-based training',
      '*Date*\nNov 26, 2026',
      '*Length*\n75 minutes (from "1 hr 15 min")',
      '*Credit*\n1.5 CE',
      '*Index*\nCMS06140729A',
    ]);
    expect(all).toContain('How: 1 hr 15 min = 60 + 15 = 75 minutes; 75 minutes is over 60 and up to 90 → 1.5 CE, index CMS06140729A');
  });

  it('offers Confirm (primary), Edit and Cancel, each carrying the draft id', () => {
    expect(render(reply).buttons).toEqual([
      { text: 'Confirm', actionId: ACTIONS.confirm, value: DRAFT_ID, style: 'primary' },
      { text: 'Edit', actionId: ACTIONS.edit, value: DRAFT_ID, style: undefined },
      { text: 'Cancel', actionId: ACTIONS.cancel, value: DRAFT_ID, style: undefined },
    ]);
  });

  it('asks about MLN registration for calls, with two ways to confirm', () => {
    const call = render({ ...reply, preview: aPreview({ kind: 'npc', asksRegistration: true }) });
    expect(call.buttons.map((b) => [b.text, b.actionId, b.value, b.style])).toEqual([
      ['Confirm — I registered', ACTIONS.confirm, DRAFT_ID, 'primary'],
      ['Not registered', ACTIONS.confirmUnregistered, DRAFT_ID, undefined],
      ['Edit', ACTIONS.edit, DRAFT_ID, undefined],
      ['Cancel', ACTIONS.cancel, DRAFT_ID, undefined],
    ]);
    expect(call.all).toContain('Did you register for this call through MLN?');
  });

  it('notes an unstated date and kind', () => {
    const { all } = render({ ...reply, preview: aPreview({ dateStated: false, kindStated: false }) });
    expect(all).toContain('*Date*\nNov 26, 2026 (today)');
    expect(all).toContain('*Kind*\nweb-based training (not stated)');
  });

  it('says when a length gets no automatic credit', () => {
    const { all, text } = render({ ...reply, preview: aPreview({ minutes: 150, durationText: '2.5 hours', durationHow: '2.5 hours = 150 minutes' }) });
    expect(all).toContain('*Credit*\nNeeds manual review — no automatic credit');
    expect(text).toContain('Needs manual review — no automatic credit');
  });

  const warnings: PreviewWarning[] = [
    { code: 'duplicate-in-cycle', seq: 2, title: 'Hospice & <Benefit>' },
    { code: 'short-activity', minutes: 10, threshold: 15 },
    { code: 'outside-cycle', issuedOn: '2026-01-15', expiresOn: '2027-01-15' },
    { code: 'no-credential' },
    { code: 'approximate-length' },
    { code: 'registration-required' },
    { code: 'registration-missing' },
  ];
  it.each(warnings.map((w) => [w.code, w] as const))('shows the %s warning with :warning:', (_code, warning) => {
    const { all } = render({ ...reply, preview: aPreview({ warnings: [warning] }) });
    expect(all).toContain(`:warning: ${slackWording(warningText(warning))}`);
  });

  it('writes the certificate command as a slash command in warnings', () => {
    expect(render({ ...reply, preview: aPreview({ warnings: [{ code: 'no-credential' }] }) }).all).toContain('`/ceu cert &lt;number&gt; issued &lt;date&gt;`');
  });
});

describe('question', () => {
  const base = ONE_OF_EACH.question;
  it('lists every candidate length when there are several', () => {
    const { text } = render({ ...base, candidates: [{ minutes: 60, text: '1 hour' }, { minutes: 45, text: '45 min' }] });
    expect(text).toBe('I found more than one length in that message: "1 hour" (60 min) or "45 min" (45 min). One training has one length — how many minutes was "Telehealth Billing"? Answer in this thread.');
  });
  it('asks for a missing length', () => {
    expect(render(base).text).toBe('How long was "Telehealth Billing"? Send the length in this thread, like "45 min" or "1.5 hours" (or just "45").');
  });
  it('asks for a missing title', () => {
    const { text } = render({ ...base, ask: 'title', title: null });
    expect(text).toContain('What was the training called?');
    expect(text).toContain('in this thread');
  });
  it('offers Cancel with the draft id', () => {
    expect(render(base).buttons).toEqual([{ text: 'Cancel', actionId: ACTIONS.cancel, value: DRAFT_ID, style: undefined }]);
  });
});

describe('training-logged', () => {
  const reply = ONE_OF_EACH['training-logged'];
  it('names the entry, its credit, how, progress and where to share the certificate', () => {
    const { all, text } = render(reply);
    expect(text).toContain('Logged entry #3: *Medicare Billing: 837P and Form CMS-1500*');
    expect(all).toContain('75 min → 1.5 CE (CMS06140729A)');
    expect(all).toContain('How: 1 hr 15 min = 60 + 15 = 75 minutes; 75 minutes is over 60 and up to 90 → 1.5 CE, index CMS06140729A');
    expect(all).toContain('Progress: 1.5 of 3 CE — At risk');
    expect(all).toContain('Share the certificate file (PDF, PNG or JPEG) in this thread to attach it to entry #3');
  });
  it('has an Undo button carrying the training id', () => {
    expect(render(reply).buttons).toEqual([{ text: 'Undo', actionId: ACTIONS.undo, value: aView(3).id, style: undefined }]);
  });
  it('says when it was already logged', () => {
    expect(render({ ...reply, alreadyLogged: true }).text).toContain('Already logged as entry #3');
  });
  it('asks for the certificate when there is none on file', () => {
    expect(render({ ...reply, progress: { ...PROGRESS, hasCredential: false } }).all).toContain('Progress: 1.5 CE logged. Add your certificate with `/ceu cert &lt;number&gt; issued &lt;date&gt;`');
  });
  it('says when an entry needs manual review', () => {
    expect(render({ ...reply, training: aView(3, { minutes: 150 }) }).all).toContain('150 min → needs manual review (no automatic credit)');
  });
});

describe('help', () => {
  it.each(['all', 'log', 'cert', 'fee', 'proof', 'edit'] as const)('topic %s: the shared sections with /ceu commands, plus how plain messages and files work', (topic) => {
    const { all } = render({ kind: 'help', topic });
    for (const s of helpSections(topic, SLACK_WORDING)) {
      expect(all).toContain(`*${s.title}*`);
      for (const line of s.lines) expect(all).toContain(line.replace(/&/g, '&amp;'));
    }
    expect(all).toContain('DM');
    expect(all).toContain('mention me');
    expect(all).toContain('sharing the file');
  });
  it('writes commands for Slack', () => {
    expect(render({ kind: 'help', topic: 'all' }).all).toContain('/ceu status');
  });
});

describe('short replies', () => {
  const t = aView(3, { title: 'Hospice Benefit' });
  it.each<[string, Reply, string[]]>([
    ['welcome without certificate', { kind: 'welcome', displayName: 'Dana', hasCredential: false }, ['Welcome to Recert, Dana!', '`/ceu cert CMSS-12345 issued 2026-01-15`', '`/ceu help`']],
    ['not-understood', { kind: 'not-understood', text: 'hi' }, ["Sorry, I didn't understand that.", '`/ceu help`']],
    ['draft-cancelled', { kind: 'draft-cancelled', title: 'Hospice Benefit' }, ['Dropped "Hospice Benefit"; nothing was logged.']],
    ['draft-cancelled without title', { kind: 'draft-cancelled', title: null }, ['Dropped; nothing was logged.']],
    ['undone logged', { kind: 'undone', change: { action: 'training.logged', training: t } }, ['Undone: entry #3 (*Hospice Benefit*) is no longer logged.']],
    ['undone deleted', { kind: 'undone', change: { action: 'training.deleted', training: t } }, ['Undone: entry #3 (*Hospice Benefit*) is back.']],
    ['undone edited', { kind: 'undone', change: { action: 'training.edited', training: t } }, ['Undone: entry #3 is back to *Hospice Benefit* — 75 min → 1.5 CE (CMS06140729A).']],
    ['undone proof', { kind: 'undone', change: { action: 'proof.attached', fileName: 'c.pdf', training: t } }, ['Undone: "c.pdf" is no longer attached to entry #3.']],
    ['undone proof, entry gone', { kind: 'undone', change: { action: 'proof.attached', fileName: 'c.pdf', training: null } }, ['Undone: "c.pdf" is no longer attached.']],
    ['undone fee', { kind: 'undone', change: { action: 'fee.recorded', amountCents: 8500, currency: 'USD' } }, ['Undone: the $85 fee payment is removed.']],
    ['undone credential', { kind: 'undone', change: { action: 'credential.saved', number: 'CMSS-12345' } }, ['Undone: the change to certificate CMSS-12345 is reverted.']],
    ['training-updated', { kind: 'training-updated', training: aView(3, { minutes: 45 }), changed: ['minutes'], progress: PROGRESS }, ['Updated entry #3 (length)', '45 min → 1 CE (CMS06140728A)', 'Progress: 1.5 of 3 CE — At risk']],
    ['training-deleted', { kind: 'training-deleted', training: t, progress: PROGRESS }, ['Deleted entry #3: *Hospice Benefit*.', '`/ceu undo` brings it back', 'Progress: 1.5 of 3 CE — At risk']],
    ['credential created', ONE_OF_EACH['credential-saved'], ['Saved your CMSS certificate *CMSS-12345*: issued Jan 15, 2026, expires Jan 15, 2027. This cycle needs 3 CE.']],
    ['credential renewed', { ...ONE_OF_EACH['credential-saved'], mode: 'renewed' }, ['Renewed your CMSS certificate']],
    ['credential corrected', { ...ONE_OF_EACH['credential-saved'], mode: 'corrected' }, ['Corrected your CMSS certificate']],
    ['fee-recorded', ONE_OF_EACH['fee-recorded'], ['Recorded the renewal fee: $85 paid Jan 10, 2026 (certificate CMSS-12345).']],
  ])('%s', (_name, reply, expected) => {
    const { all } = render(reply);
    for (const e of expected) expect(all).toContain(e);
  });

  it('welcome skips the certificate step when one is on file', () => {
    const { all } = render({ kind: 'welcome', displayName: 'Dana', hasCredential: true });
    expect(all).not.toContain('/ceu cert');
    expect(all).toContain('Tell me about a training, e.g.');
  });

  it.each(['training-updated', 'training-deleted'] as const)('%s has an Undo button for the entry', (kind) => {
    expect(render(ONE_OF_EACH[kind]).buttons).toEqual([{ text: 'Undo', actionId: ACTIONS.undo, value: aView(3).id, style: undefined }]);
  });
});

describe('proof-attached', () => {
  const base = ONE_OF_EACH['proof-attached'];
  it('names the file, its size and type, the entry and a hash prefix', () => {
    const { all } = render(base);
    expect(all).toContain('Attached "certificate.pdf" (47 KB, application/pdf) to entry #3: *Medicare Billing: 837P and Form CMS-1500*.');
    expect(all).toContain(`SHA-256 ${'ab'.repeat(8)}…`);
  });
  it('says when it was already attached', () => {
    expect(render({ ...base, alreadyAttached: true }).text).toBe('"certificate.pdf" is already attached to entry #3 (*Medicare Billing: 837P and Form CMS-1500*).');
  });
  it('says when the stored file was reused', () => {
    expect(render({ ...base, reusedStoredFile: true }).all).toContain('The same file was already stored, so I linked it instead of storing it again.');
  });
  it('warns when the same file is attached to other entries', () => {
    expect(render({ ...base, alsoAttachedTo: [{ seq: 1, title: 'Hospice Benefit' }, { seq: 2, title: 'E&M' }] }).all).toContain(
      'The same file is also attached to #1 *Hospice Benefit*, #2 *E&amp;M*. A certificate usually belongs to one training.',
    );
  });
});

describe('error', () => {
  it.each<[Reply & { kind: 'error' }]>([
    [{ kind: 'error', code: 'training-not-found', details: { seq: 9 } }],
    [{ kind: 'error', code: 'credential-missing', details: {} }],
    [{ kind: 'error', code: 'future-date', details: { date: '2026-12-01' } }],
    [{ kind: 'error', code: 'proof-too-large', details: { fileName: '<!channel>.pdf', sizeBytes: 20_000_000, maxBytes: 10_485_760 } }],
  ])('$code: the shared message, escaped, with :x:', (reply) => {
    const { blocks, text } = render(reply);
    expect(text).toBe(slackWording(errorMessage(reply.code, reply.details)));
    expect(allText(blocks)).toBe(`:x: ${text}`);
  });
  it('turns bare commands into /ceu commands', () => {
    expect(render({ kind: 'error', code: 'training-not-found', details: { seq: 9 } }).text).toBe('There is no entry 9 in your history. Type `/ceu history` to see your entries and their numbers.');
  });
});

describe('escaping hostile text from people', () => {
  const hostile = '<!channel> & <http://evil.example|click>';
  const escaped = '&lt;!channel&gt; &amp; &lt;http://evil.example|click&gt;';
  const evil = aView(4, { title: hostile });
  it.each<[string, Reply]>([
    ['preview title', { kind: 'training-preview', draftId: DRAFT_ID, preview: aPreview({ title: hostile, durationText: hostile, durationHow: hostile }) }],
    ['question title and candidates', { kind: 'question', draftId: DRAFT_ID, ask: 'length', title: hostile, candidates: [{ minutes: 1, text: hostile }, { minutes: 2, text: 'x' }] }],
    ['logged title and how', { kind: 'training-logged', training: { ...evil, howComputed: hostile }, progress: PROGRESS, alreadyLogged: false }],
    ['history', { kind: 'history', entries: [evil], page: 1, pageCount: 1, total: 1 }],
    ['status reasons and name', { kind: 'status', status: { ...ONE_OF_EACH.status.status, displayName: hostile, reasons: [{ code: 'proof-missing', entries: [{ seq: 4, title: hostile }] }, { code: 'duplicate-course', title: hostile, seqs: [1, 4] }] } }],
    ['cancelled', { kind: 'draft-cancelled', title: hostile }],
    ['welcome', { kind: 'welcome', displayName: hostile, hasCredential: true }],
    ['proof file name', { ...ONE_OF_EACH['proof-attached'], training: evil, file: { ...ONE_OF_EACH['proof-attached'].file, name: hostile }, alsoAttachedTo: [{ seq: 1, title: hostile }] }],
    ['undone proof', { kind: 'undone', change: { action: 'proof.attached', fileName: hostile, training: evil } }],
    ['credential number', { ...ONE_OF_EACH['credential-saved'], number: hostile }],
    ['error details', { kind: 'error', code: 'invalid-date', details: { text: hostile } }],
  ])('%s', (_name, reply) => {
    const { all } = render(reply);
    expect(all).toContain(escaped);
    expect(all).not.toMatch(/[<>]/);
  });
});

describe('status', () => {
  it('uses the shared reason wording for every reason', () => {
    const reply = ONE_OF_EACH.status;
    const { all } = render(reply);
    for (const r of reply.status.reasons) expect(all).toContain(slackWording(reasonText(r)));
  });
});
