import { beforeEach, describe, expect, it } from 'vitest';
import { converse } from '../../src/chat/converse.ts';
import type { Actor } from '../../src/domain/people.ts';
import { insertDraft } from '../../src/db/repositories/drafts.ts';
import { answerDraft } from '../../src/use-cases/answer-draft.ts';
import { attachProof } from '../../src/use-cases/attach-proof.ts';
import { editTraining } from '../../src/use-cases/edit-training.ts';
import { logTraining } from '../../src/use-cases/log-training.ts';
import { logTrainingForm } from '../../src/use-cases/log-training-form.ts';
import { recordFeePayment } from '../../src/use-cases/record-fee.ts';
import { saveCredential } from '../../src/use-cases/save-credential.ts';
import { givenActor } from '../builders/actor.ts';
import { testDeps, type TestDeps } from '../builders/deps.ts';
import { pdfBytes } from '../builders/files.ts';
import { useTestDatabase } from '../support/test-database.ts';
import { expectKind, logged, storedRows } from './helpers.ts';

const database = useTestDatabase();

const NUL = '\u0000';

describe('what a person typed is stored as typed, or refused', () => {
  let deps: TestDeps;
  let actor: Actor;
  let seq: number;

  beforeEach(async () => {
    deps = testDeps(database.current.db, '2026-11-27T15:00:00Z');
    actor = await givenActor(deps, { timeZone: 'America/Chicago' });
    await saveCredential(deps, actor, { number: 'CMSS-8008', issuedOn: '2026-01-15' });
    seq = await logged(deps, actor, 'MLN course "Typed Text Baseline" 30 min on Nov 1');
  });

  it('is needed: PostgreSQL refuses U+0000 in a draft', async () => {
    const draft = { personId: actor.personId, payload: { text: `a${NUL}b` }, source: actor.source, anchor: null };
    await expect(insertDraft(deps.db, actor.organisationId, draft, new Date('2026-11-27T15:00:00Z'))).rejects.toThrow();
  });

  it.each([
    ['a chat message', `finished "Tele${NUL}health Billing" 45 min yesterday`, 'message', 'U+0000', 15],
    ['a slash command', `/ceu log "Coding${NUL}" webinar 1 hr`, 'message', 'U+0000', 17],
    ['a confirmation', `yes${NUL}`, 'message', 'U+0000', 4],
    ['a title edit', `edit 1 title Renamed${NUL}Course`, 'message', 'U+0000', 21],
    ['a certificate', `cert CMSS-${NUL}9 issued 2026-02-01`, 'message', 'U+0000', 11],
    ['a fee reference', `fee paid ref INV${NUL}7`, 'message', 'U+0000', 17],
    ['a C1 control character', 'webinar \u0085 45 min', 'message', 'U+0085', 9],
    ['an escape sequence', 'webinar \u001b[2J 45 min', 'message', 'U+001B', 9],
  ])('refuses %s in chat with a clear error, storing nothing', async (_name, text, field, codePoint, position) => {
    const before = await storedRows(deps, actor);
    const [reply] = await converse(deps, actor, text);
    expect(reply).toEqual({ kind: 'error', code: 'text-control-character', details: { field, codePoint, position } });
    expect(await storedRows(deps, actor)).toEqual(before);
  });

  it('refuses a control character in the answer to a question, keeping the question open', async () => {
    expectKind(await logTraining(deps, actor, 'MLN webinar "Answer Me" yesterday'), 'question');
    const before = await storedRows(deps, actor);
    expect(await converse(deps, actor, `4${NUL}5`)).toEqual([{ kind: 'error', code: 'text-control-character', details: { field: 'message', codePoint: 'U+0000', position: 2 } }]);
    await expect(answerDraft(deps, actor, { text: `45${NUL}` })).rejects.toMatchObject({ code: 'text-control-character' });
    expect(await storedRows(deps, actor)).toEqual(before);
    expectKind((await converse(deps, actor, '45'))[0] ?? { kind: 'help', topic: 'all' }, 'training-preview');
  });

  it.each([
    ['logTraining', () => logTraining(deps, actor, `MLN webinar "X${NUL}Y Course" 45 min`), 'message'],
    ['the form', () => logTrainingForm(deps, actor, { title: `Form${NUL}Title`, completedOn: '2026-11-20', minutes: '45', kind: 'webinar' }), 'title'],
    ['editTraining', () => editTraining(deps, actor, seq, { title: `Renamed${NUL}` }), 'title'],
    ['saveCredential', () => saveCredential(deps, actor, { number: `CMSS${NUL}1`, issuedOn: '2026-02-01' }), 'certificate-number'],
    ['recordFeePayment', () => recordFeePayment(deps, actor, { reference: `INV${NUL}1` }), 'fee-reference'],
    ['attachProof', () => attachProof(deps, actor, { fileName: `cert${NUL}.pdf`, bytes: pdfBytes() }), 'file-name'],
    ['attachProof (a newline in the name)', () => attachProof(deps, actor, { fileName: 'cert\n.pdf', bytes: pdfBytes() }), 'file-name'],
  ])('refuses a control character through %s, naming the field and storing nothing', async (_name, run, field) => {
    const before = await storedRows(deps, actor);
    await expect(run()).rejects.toMatchObject({ code: 'text-control-character', details: { field } });
    expect(await storedRows(deps, actor)).toEqual(before);
  });

  it('keeps tabs and line breaks in a message as whitespace', async () => {
    const preview = expectKind(await logTraining(deps, actor, 'MLN webinar\t"Line\nBreak Course"\r\n45 min yesterday'), 'training-preview');
    expect(preview.preview.title).toBe('Line Break Course');
  });

  it('keeps a file name as given, only without its folders', async () => {
    const attached = expectKind(await attachProof(deps, actor, { fileName: 'scans/Ünïcode certificate – 2026.pdf', bytes: pdfBytes() }), 'proof-attached');
    expect(attached.file.name).toBe('Ünïcode certificate – 2026.pdf');
  });
});

describe('fee reference', () => {
  let deps: TestDeps;
  let actor: Actor;

  beforeEach(async () => {
    deps = testDeps(database.current.db, '2026-11-27T15:00:00Z');
    actor = await givenActor(deps);
    await saveCredential(deps, actor, { number: 'CMSS-9009', issuedOn: '2026-06-01' });
  });

  it('refuses a reference over 100 characters instead of cutting it, storing nothing', async () => {
    const before = await storedRows(deps, actor);
    const [reply] = await converse(deps, actor, `fee paid $85 ref ${'R'.repeat(101)}`);
    expect(reply).toEqual({ kind: 'error', code: 'fee-reference-invalid', details: { max: 100, length: 101 } });
    await expect(recordFeePayment(deps, actor, { reference: 'R'.repeat(150) })).rejects.toMatchObject({ code: 'fee-reference-invalid', details: { max: 100, length: 150 } });
    expect(await storedRows(deps, actor)).toEqual(before);
  });

  it('keeps a reference of exactly 100 characters whole', async () => {
    const reference = `INV-${'9'.repeat(96)}`;
    const [reply] = await converse(deps, actor, `fee paid ref ${reference}`);
    expect(reply).toMatchObject({ kind: 'fee-recorded' });
    const rows = await storedRows(deps, actor);
    expect(rows.fee_payments?.map((r) => (r as { reference: string }).reference)).toEqual([reference]);
  });
});
