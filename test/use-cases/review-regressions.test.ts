import { beforeEach, describe, expect, it } from 'vitest';
import { converse } from '../../src/chat/converse.ts';
import type { Actor } from '../../src/domain/people.ts';
import { attachProof } from '../../src/use-cases/attach-proof.ts';
import { getHistory } from '../../src/use-cases/get-history.ts';
import { getStatus } from '../../src/use-cases/get-status.ts';
import { logTraining } from '../../src/use-cases/log-training.ts';
import { recordFeePayment } from '../../src/use-cases/record-fee.ts';
import { saveCredential } from '../../src/use-cases/save-credential.ts';
import { givenActor } from '../builders/actor.ts';
import { testDeps, type TestDeps } from '../builders/deps.ts';
import { pdfBytes } from '../builders/files.ts';
import { useTestDatabase } from '../support/test-database.ts';
import { expectKind, logged } from './helpers.ts';

const database = useTestDatabase();

describe('behaviour a review found wanting', () => {
  let deps: TestDeps;
  let actor: Actor;

  beforeEach(async () => {
    deps = testDeps(database.current.db, '2026-11-27T15:00:00Z');
    actor = await givenActor(deps);
  });

  it('never tells one person that a colleague attached the same file', async () => {
    // Two people of one organisation (the builder makes an organisation per person unless one is named).
    const alice = await givenActor(deps, { name: 'Alice', organisationExternalId: 'shared-org' });
    const bob = await givenActor(deps, { name: 'Bob', organisationExternalId: 'shared-org' });
    await logged(deps, alice, 'MLN course "Alice Private Course" 30 min on Nov 1');
    await attachProof(deps, alice, { fileName: 'a.pdf', bytes: pdfBytes('shared bytes') });
    await logged(deps, bob, 'MLN course "Bob Course" 30 min on Nov 2');
    const reply = expectKind(await attachProof(deps, bob, { fileName: 'b.pdf', bytes: pdfBytes('shared bytes') }), 'proof-attached');
    expect(reply.alsoAttachedTo).toEqual([]);
    expect(reply.reusedStoredFile).toBe(false);
  });

  it('does not attach a file shared in the thread of a cancelled preview to some other entry', async () => {
    await logged(deps, actor, 'MLN course "Earlier Course" 30 min on Nov 1');
    expectKind(await logTraining(deps, actor, 'MLN course "Dropped Course" 30 min on Nov 2', { anchor: 'thread-1' }), 'training-preview');
    await converse(deps, actor, 'no', { anchor: 'thread-1' });
    await expect(attachProof(deps, actor, { fileName: 'c.pdf', bytes: pdfBytes(), anchor: 'thread-1' })).rejects.toMatchObject({ code: 'proof-draft-cancelled' });
    await logTraining(deps, actor, 'MLN course "Open Course" 30 min on Nov 3', { anchor: 'thread-2' });
    await expect(attachProof(deps, actor, { fileName: 'c.pdf', bytes: pdfBytes(), anchor: 'thread-2' })).rejects.toMatchObject({ code: 'proof-draft-open' });
  });

  it('confirms a preview from a public conversation only when it was opened there', async () => {
    await logTraining(deps, actor, 'MLN course "Private DM Course" 30 min on Nov 1', { anchor: 'dm-thread' });
    const [reply] = await converse(deps, actor, 'yes', { anchor: 'channel-thread', public: true });
    expect(reply).toMatchObject({ kind: 'error', code: 'draft-not-found' });
    const [inDm] = await converse(deps, actor, 'yes', { anchor: 'dm-other-message' });
    expect(inDm).toMatchObject({ kind: 'training-logged', training: { title: 'Private DM Course' } });
  });

  it('refuses an older certificate with another number instead of replacing the current one', async () => {
    await saveCredential(deps, actor, { number: 'CMSS-1', issuedOn: '2026-01-15' });
    await expect(saveCredential(deps, actor, { number: 'CMSS-0', issuedOn: '2025-01-15' })).rejects.toMatchObject({ code: 'credential-older', details: { number: 'CMSS-1' } });
    expect(expectKind(await saveCredential(deps, actor, { number: 'CMSS-1', issuedOn: '2026-01-14' }), 'credential-saved').mode).toBe('corrected');
    await expect(saveCredential(deps, actor, { number: 'CMSS-1', issuedOn: '2026-01-14', expiresOn: '2099-01-01' })).rejects.toMatchObject({ code: 'credential-dates-invalid', details: { tooLong: true } });
    await expect(saveCredential(deps, actor, { number: 'CMSS-1', issuedOn: '1900-01-01' })).rejects.toMatchObject({ code: 'date-before-range' });
    expect(expectKind(await getStatus(deps, actor), 'status').status.certificate).toMatchObject({ number: 'CMSS-1', issuedOn: '2026-01-14' });
  });

  it('records the fee once per cycle, and only for this cycle', async () => {
    await saveCredential(deps, actor, { number: 'CMSS-1', issuedOn: '2026-01-15' });
    await expect(recordFeePayment(deps, actor, { paidOn: '2025-01-01' })).rejects.toMatchObject({ code: 'fee-outside-cycle' });
    expect(expectKind(await recordFeePayment(deps, actor, { paidOn: '2025-12-01' }), 'fee-recorded').paidOn).toBe('2025-12-01');
    await expect(recordFeePayment(deps, actor)).rejects.toMatchObject({ code: 'fee-already-recorded', details: { paidOn: '2025-12-01' } });
  });

  it('refuses impossible lengths and dates from chat, and asks for a unit after "1.5"', async () => {
    await expect(logTraining(deps, actor, 'Telehealth billing webinar 100000 hours')).rejects.toMatchObject({ code: 'length-too-long' });
    await expect(logTraining(deps, actor, 'Telehealth billing webinar 45 min on Feb 30')).rejects.toMatchObject({ code: 'invalid-date' });
    await expect(logTraining(deps, actor, 'Telehealth billing webinar 45 min on 2001-01-01')).rejects.toMatchObject({ code: 'date-before-range' });
    expectKind(await logTraining(deps, actor, 'Telehealth billing webinar yesterday'), 'question');
    const [reply] = await converse(deps, actor, '1.5');
    expect(reply).toMatchObject({ kind: 'error', code: 'length-invalid', details: { needsUnit: true } });
    const [preview] = await converse(deps, actor, '1.5 hours');
    expect(preview).toMatchObject({ kind: 'training-preview', preview: { minutes: 90 } });
  });

  it('reads "3 days ago" after a length, and resolves command dates without a year to the past', async () => {
    const preview = expectKind(await logTraining(deps, actor, 'webinar on coding 45 min 3 days ago'), 'training-preview');
    expect(preview.preview).toMatchObject({ completedOn: '2026-11-24', title: 'webinar on coding' });
    const [saved] = await converse(deps, actor, 'cert CMSS-3 issued Jan 15');
    expect(saved).toMatchObject({ kind: 'credential-saved', issuedOn: '2026-01-15' });
    await logged(deps, actor, 'MLN course "Date Edit Course" 30 min on Nov 1');
    const [edited] = await converse(deps, actor, 'edit 1 date Dec 25');
    expect(edited).toMatchObject({ kind: 'training-updated', training: { completedOn: '2025-12-25' } });
    const [fee] = await converse(deps, actor, 'fee paid $85 on Jan 10');
    expect(fee).toMatchObject({ kind: 'fee-recorded', paidOn: '2026-01-10' });
  });

  it('keeps the length and date when the title is answered with a kind word', async () => {
    expectKind((await converse(deps, actor, 'log 45 min yesterday'))[0] ?? { kind: 'help', topic: 'all' }, 'question');
    const [answer] = await converse(deps, actor, 'Telehealth billing webinar');
    expect(answer).toMatchObject({ kind: 'training-preview', preview: { title: 'Telehealth billing webinar', minutes: 45, completedOn: '2026-11-26' } });
  });

  it('shows which entries do not count and why', async () => {
    await saveCredential(deps, actor, { number: 'CMSS-1', issuedOn: '2026-01-15' });
    await logged(deps, actor, 'MLN course "Twice Course" 30 min on Nov 1');
    await logged(deps, actor, 'MLN course "Twice Course" 30 min on Nov 2');
    const history = expectKind(await getHistory(deps, actor), 'history');
    expect(history.entries.map((e) => [e.seq, e.notCounted])).toEqual([
      [2, 'duplicate'],
      [1, null],
    ]);
  });
});
