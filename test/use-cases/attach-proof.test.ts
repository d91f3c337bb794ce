import { sql } from 'kysely';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/domain/people.ts';
import { MAX_PROOF_BYTES } from '../../src/domain/proof-file.ts';
import { findLatestTraining } from '../../src/db/repositories/trainings.ts';
import { attachProof } from '../../src/use-cases/attach-proof.ts';
import { givenActor } from '../builders/actor.ts';
import { testDeps, type TestDeps } from '../builders/deps.ts';
import { jpegBytes, pdfBytes, pngBytes } from '../builders/files.ts';
import { useTestDatabase } from '../support/test-database.ts';
import { expectKind, logged } from './helpers.ts';

const database = useTestDatabase();

async function storedFiles(deps: TestDeps, actor: Actor): Promise<number> {
  const result = await sql<{ n: string }>`select count(*) as n from proof_files where organisation_id = ${actor.organisationId}`.execute(deps.db);
  return Number(result.rows[0]?.n);
}

describe('attaching a certificate', () => {
  let deps: TestDeps;
  let actor: Actor;

  beforeEach(async () => {
    deps = testDeps(database.current.db);
    actor = await givenActor(deps);
  });

  it.each([
    ['a PDF', 'certificate.pdf', pdfBytes(), 'application/pdf'],
    ['a PNG', 'scan.png', pngBytes(), 'image/png'],
    ['a JPEG named .pdf (the bytes decide)', 'photo.pdf', jpegBytes(), 'image/jpeg'],
  ])('attaches %s to the latest entry', async (_name, fileName, bytes, mediaType) => {
    const seq = await logged(deps, actor, 'MLN course "Proof Me" 30 min on Nov 1');
    const reply = expectKind(await attachProof(deps, actor, { fileName, bytes }), 'proof-attached');
    expect(reply).toMatchObject({ training: { seq, proofCount: 1 }, file: { name: fileName, mediaType, sizeBytes: bytes.length }, reusedStoredFile: false, alreadyAttached: false, alsoAttachedTo: [] });
    expect(reply.file.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it.each([
    ['an empty file', new Uint8Array(), 'proof-empty'],
    ['a text file named .pdf', new TextEncoder().encode('not a pdf at all'), 'proof-unsupported-type'],
    ['a file over 10 MB', (() => { const b = new Uint8Array(MAX_PROOF_BYTES + 1); b.set(pdfBytes()); return b; })(), 'proof-too-large'],
  ])('refuses %s and stores nothing', async (_name, bytes, code) => {
    await logged(deps, actor, 'MLN course "No Bad Files" 30 min on Nov 1');
    await expect(attachProof(deps, actor, { fileName: 'certificate.pdf', bytes })).rejects.toMatchObject({ code });
    expect(await storedFiles(deps, actor)).toBe(0);
    expect((await findLatestTraining(deps.db, actor.organisationId, actor.personId))?.proofCount).toBe(0);
  });

  it('accepts a file of exactly 10 MB', async () => {
    await logged(deps, actor, 'MLN course "Big But Fine" 30 min on Nov 1');
    const bytes = new Uint8Array(MAX_PROOF_BYTES);
    bytes.set(pdfBytes());
    expect(expectKind(await attachProof(deps, actor, { fileName: 'big.pdf', bytes }), 'proof-attached').file.sizeBytes).toBe(MAX_PROOF_BYTES);
  });

  it('stores identical bytes once and says where else they are attached', async () => {
    const first = await logged(deps, actor, 'MLN course "First" 30 min on Nov 1');
    await attachProof(deps, actor, { fileName: 'cert.pdf', bytes: pdfBytes('same') });
    await logged(deps, actor, 'MLN course "Second" 30 min on Nov 2');
    const reply = expectKind(await attachProof(deps, actor, { fileName: 'cert-copy.pdf', bytes: pdfBytes('same') }), 'proof-attached');
    expect(reply).toMatchObject({ reusedStoredFile: true, alreadyAttached: false, alsoAttachedTo: [{ seq: first, title: 'First' }] });
    expect(await storedFiles(deps, actor)).toBe(1);
  });

  it('does not attach the same file to the same entry twice', async () => {
    await logged(deps, actor, 'MLN course "Once" 30 min on Nov 1');
    await attachProof(deps, actor, { fileName: 'cert.pdf', bytes: pdfBytes() });
    const again = expectKind(await attachProof(deps, actor, { fileName: 'cert.pdf', bytes: pdfBytes() }), 'proof-attached');
    expect(again).toMatchObject({ alreadyAttached: true, training: { proofCount: 1 } });
  });

  it('attaches to a numbered entry, and explains when there is no entry', async () => {
    await expect(attachProof(deps, actor, { fileName: 'cert.pdf', bytes: pdfBytes() })).rejects.toMatchObject({ code: 'proof-no-entry' });
    const first = await logged(deps, actor, 'MLN course "Target" 30 min on Nov 1');
    await logged(deps, actor, 'MLN course "Not Target" 30 min on Nov 2');
    expect(expectKind(await attachProof(deps, actor, { fileName: 'c.pdf', bytes: pdfBytes(), seq: first }), 'proof-attached').training.seq).toBe(first);
    await expect(attachProof(deps, actor, { fileName: 'c.pdf', bytes: pdfBytes(), seq: 42 })).rejects.toMatchObject({ code: 'training-not-found', details: { seq: 42 } });
  });

  it('cannot reach another organisation\'s entry by its id', async () => {
    await logged(deps, actor, 'MLN course "Theirs" 30 min on Nov 1');
    const theirs = await findLatestTraining(deps.db, actor.organisationId, actor.personId);
    const outsider = await givenActor(deps, { name: 'Outsider' });
    await expect(attachProof(deps, outsider, { fileName: 'c.pdf', bytes: pdfBytes(), trainingId: theirs?.id ?? '' })).rejects.toMatchObject({ code: 'training-not-found' });
  });
});
