import { beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/domain/people.ts';
import { listAudit } from '../../src/db/repositories/audit.ts';
import { listFeePayments } from '../../src/db/repositories/fees.ts';
import { findCurrentCredential } from '../../src/db/repositories/credentials.ts';
import { findTrainingBySeq, listTrainings } from '../../src/db/repositories/trainings.ts';
import { attachProof } from '../../src/use-cases/attach-proof.ts';
import { deleteTraining } from '../../src/use-cases/delete-training.ts';
import { editTraining } from '../../src/use-cases/edit-training.ts';
import { recordFeePayment } from '../../src/use-cases/record-fee.ts';
import { saveCredential } from '../../src/use-cases/save-credential.ts';
import { undoLast } from '../../src/use-cases/undo.ts';
import { givenActor } from '../builders/actor.ts';
import { testDeps, type TestDeps } from '../builders/deps.ts';
import { pdfBytes } from '../builders/files.ts';
import { useTestDatabase } from '../support/test-database.ts';
import { expectKind, logged } from './helpers.ts';

const database = useTestDatabase();

describe('edit, delete and undo', () => {
  let deps: TestDeps;
  let actor: Actor;

  beforeEach(async () => {
    deps = testDeps(database.current.db);
    actor = await givenActor(deps);
    await saveCredential(deps, actor, { number: 'CMSS-2002', issuedOn: '2026-03-01' });
  });

  it('recomputes the credit when the length is corrected, and audits before and after', async () => {
    const seq = await logged(deps, actor, 'MLN course "Edit Me" 30 min on Nov 1');
    const updated = expectKind(await editTraining(deps, actor, seq, { minutes: 75 }), 'training-updated');
    expect(updated.training).toMatchObject({ minutes: 75, credit: 1.5, indexNumber: 'CMS06140729A' });
    expect(updated.training.howComputed).toBe('75 minutes, as corrected; 75 minutes is over 60 and up to 90 → 1.5 CE, index CMS06140729A');
    expect(updated.changed).toEqual(['minutes']);
    const training = await findTrainingBySeq(deps.db, actor.organisationId, actor.personId, seq);
    const audit = await listAudit(deps.db, actor.organisationId, training?.id ?? '');
    expect(audit.map((e) => e.action)).toEqual(['training.logged', 'training.edited']);
    expect(audit[1]?.before).toMatchObject({ minutes: 30, credit: 0.5 });
    expect(audit[1]?.after).toMatchObject({ minutes: 75, credit: 1.5 });
  });

  it('refuses bad edits and changes nothing', async () => {
    const seq = await logged(deps, actor, 'MLN course "Keep Me" 30 min on Nov 1');
    await expect(editTraining(deps, actor, seq, { minutes: -5 })).rejects.toMatchObject({ code: 'length-invalid' });
    await expect(editTraining(deps, actor, seq, { completedOn: '2026-12-01' })).rejects.toMatchObject({ code: 'future-date' });
    await expect(editTraining(deps, actor, seq, { completedOn: '2026-02-30' })).rejects.toMatchObject({ code: 'invalid-date' });
    await expect(editTraining(deps, actor, seq, { title: 'x' })).rejects.toMatchObject({ code: 'title-invalid' });
    await expect(editTraining(deps, actor, seq, { minutes: 30 })).rejects.toMatchObject({ code: 'nothing-to-change' });
    await expect(editTraining(deps, actor, 99, { minutes: 40 })).rejects.toMatchObject({ code: 'training-not-found', details: { seq: 99 } });
    expect(await findTrainingBySeq(deps.db, actor.organisationId, actor.personId, seq)).toMatchObject({ minutes: 30, completedOn: '2026-11-01', title: 'Keep Me' });
  });

  it('deletes softly, and undo brings the entry back', async () => {
    const seq = await logged(deps, actor, 'MLN course "Delete Me" 45 min on Nov 1');
    expectKind(await deleteTraining(deps, actor, seq), 'training-deleted');
    expect(await listTrainings(deps.db, actor.organisationId, actor.personId)).toEqual([]);
    const undone = expectKind(await undoLast(deps, actor), 'undone');
    expect(undone.change).toMatchObject({ action: 'training.deleted', training: { seq } });
    expect(await listTrainings(deps.db, actor.organisationId, actor.personId)).toHaveLength(1);
  });

  it('walks back through changes newest first, each once', async () => {
    const seq = await logged(deps, actor, 'MLN course "Walk Back" 30 min on Nov 1');
    await editTraining(deps, actor, seq, { title: 'Walk Back Renamed' });
    await attachProof(deps, actor, { fileName: 'cert.pdf', bytes: pdfBytes() });
    await recordFeePayment(deps, actor);
    const actions = [];
    for (let i = 0; i < 4; i += 1) actions.push(expectKind(await undoLast(deps, actor), 'undone').change.action);
    expect(actions).toEqual(['fee.recorded', 'proof.attached', 'training.edited', 'training.logged']);
    expect(await listTrainings(deps.db, actor.organisationId, actor.personId)).toEqual([]);
    const credential = await findCurrentCredential(deps.db, actor.organisationId, actor.personId);
    expect(await listFeePayments(deps.db, actor.organisationId, credential?.id ?? '')).toEqual([]);
    const last = expectKind(await undoLast(deps, actor), 'undone');
    expect(last.change).toEqual({ action: 'credential.saved', number: 'CMSS-2002' });
    await expect(undoLast(deps, actor)).rejects.toMatchObject({ code: 'nothing-to-undo' });
  });

  it('never undoes one change twice, even when two undos race', async () => {
    await logged(deps, actor, 'MLN course "Race One" 30 min on Nov 1');
    await logged(deps, actor, 'MLN course "Race Two" 30 min on Nov 2');
    const results = await Promise.allSettled([undoLast(deps, actor), undoLast(deps, actor)]);
    const undone = results.flatMap((r) => (r.status === 'fulfilled' && r.value.kind === 'undone' && 'training' in r.value.change ? [r.value.change.training?.seq] : []));
    expect(new Set(undone).size).toBe(undone.length);
    expect(undone.length).toBeGreaterThanOrEqual(1);
    const left = await listTrainings(deps.db, actor.organisationId, actor.personId);
    expect(left).toHaveLength(2 - undone.length);
  });

  it('undoes only the asking person\'s own changes', async () => {
    const colleague = await givenActor(deps, { name: 'Colleague', organisationExternalId: undefined });
    await logged(deps, actor, 'MLN course "Mine" 30 min on Nov 1');
    await expect(undoLast(deps, colleague)).rejects.toMatchObject({ code: 'nothing-to-undo' });
    expect(await listTrainings(deps.db, actor.organisationId, actor.personId)).toHaveLength(1);
  });
});
