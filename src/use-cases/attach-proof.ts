import { createHash } from 'node:crypto';
import { isUuid } from '../domain/ids.ts';
import { MAX_PROOF_BYTES, sniffMediaType } from '../domain/proof-file.ts';
import type { Actor } from '../domain/people.ts';
import type { Training } from '../domain/training.ts';
import { findDraftByAnchor } from '../db/repositories/drafts.ts';
import { findLinksOfFile, insertProofLink, storeProofFile } from '../db/repositories/proofs.ts';
import { findLatestTraining, findTraining, findTrainingBySeq } from '../db/repositories/trainings.ts';
import { checkTyped, orRefuse } from '../domain/training-field-rules.ts';
import { RecertError } from '../errors.ts';
import type { Reply } from '../replies.ts';
import type { CoreDeps } from './deps.ts';
import { nowOf, recordChange, viewOf } from './shared.ts';
import { inTransaction } from '../db/transaction.ts';
import { findAwaitedTraining } from '../db/repositories/audits.ts';
import { answerAuditItems } from './audit/attach-for-item.ts';

export interface ProofUpload {
  readonly fileName: string;
  readonly bytes: Uint8Array;
  /** The entry to attach to: its number, or its id (a button), or neither for the latest entry. */
  readonly seq?: number;
  readonly trainingId?: string;
  /** The conversation the file was shared in: the entry logged there, when there is one. */
  readonly anchor?: string;
}

/**
 * Attach a certificate (or contact-hour documentation) to an entry. The bytes decide the type
 * (PDF, PNG, JPEG); 10 MB at most; the same bytes are stored once per organisation.
 */
export async function attachProof(deps: CoreDeps, actor: Actor, upload: ProofUpload): Promise<Reply> {
  const mediaType = checkFile(upload);
  const training = await targetOf(deps, actor, upload);
  const bytes = Buffer.from(upload.bytes);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const fileName = cleanName(upload.fileName);
  const now = nowOf(deps);
  const outcome = await inTransaction(deps.db, async (trx) => {
    const { file, stored } = await storeProofFile(trx, actor.organisationId, { sha256, mediaType, bytes }, now);
    const links = await findLinksOfFile(trx, actor.organisationId, file.id);
    if (links.some((l) => l.trainingId === training.id)) return { stored, links, alreadyAttached: true, audit: null };
    const linkId = await insertProofLink(trx, actor.organisationId, { trainingId: training.id, proofFileId: file.id, fileName, source: actor.source, attachedBy: actor.personId }, now);
    await recordChange(trx, deps, actor, {
      action: 'proof.attached',
      entity: 'training',
      entityId: training.id,
      after: { linkId, fileName, trainingId: training.id, sha256, mediaType, sizeBytes: bytes.length },
    });
    // An entry an open audit asks for is answered in the same transaction as the proof.
    return { stored, links, alreadyAttached: false, audit: await answerAuditItems(trx, deps, actor, training.id) };
  });
  // Only the person's own entries are mentioned: whether a colleague uploaded the same bytes is theirs to know.
  const linked = await Promise.all(outcome.links.map((l) => findTraining(deps.db, actor.organisationId, l.trainingId)));
  const own = linked.filter((t): t is Training => t !== undefined && t.personId === actor.personId);
  const refreshed = (await findTraining(deps.db, actor.organisationId, training.id)) ?? training;
  return {
    kind: 'proof-attached',
    training: viewOf(refreshed),
    file: { name: fileName, mediaType, sizeBytes: bytes.length, sha256 },
    reusedStoredFile: !outcome.stored && own.length > 0,
    alreadyAttached: outcome.alreadyAttached,
    alsoAttachedTo: own.filter((t) => t.id !== training.id).map((t) => ({ seq: t.seq, title: t.title })),
    ...(outcome.audit ? { audit: outcome.audit } : {}),
  };
}

function checkFile(upload: ProofUpload) {
  orRefuse(checkTyped(upload.fileName, 'file-name'));
  if (upload.bytes.length === 0) throw new RecertError('proof-empty', { fileName: upload.fileName });
  if (upload.bytes.length > MAX_PROOF_BYTES) {
    throw new RecertError('proof-too-large', { fileName: upload.fileName, sizeBytes: upload.bytes.length, maxBytes: MAX_PROOF_BYTES });
  }
  const mediaType = sniffMediaType(upload.bytes);
  if (!mediaType) throw new RecertError('proof-unsupported-type', { fileName: upload.fileName });
  return mediaType;
}

async function targetOf(deps: CoreDeps, actor: Actor, upload: ProofUpload): Promise<Training> {
  const { organisationId, personId } = actor;
  const anchored = upload.anchor ? await anchoredTrainingId(deps, actor, upload.anchor) : null;
  if (anchored) return targetOf(deps, actor, { ...upload, anchor: undefined, trainingId: anchored });
  // No entry named: the audit request the person chose to answer ("Attach certificate"), if any.
  const awaited = upload.seq === undefined && !upload.trainingId ? await findAwaitedTraining(deps.db, organisationId, personId) : null;
  if (awaited) return targetOf(deps, actor, { ...upload, anchor: undefined, trainingId: awaited });
  const training = upload.trainingId
    ? isUuid(upload.trainingId)
      ? await findTraining(deps.db, organisationId, upload.trainingId)
      : undefined
    : upload.seq !== undefined
      ? await findTrainingBySeq(deps.db, organisationId, personId, upload.seq)
      : await findLatestTraining(deps.db, organisationId, personId);
  if (training && training.personId === personId) return training;
  if (upload.seq !== undefined || upload.trainingId) throw new RecertError('training-not-found', upload.seq !== undefined ? { seq: upload.seq } : {});
  throw new RecertError('proof-no-entry');
}

/** Keep the base name only (a path's folders are not the file's name), at most 200 characters. Control characters were refused (checkFile). */
function cleanName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  return base.slice(0, 200) || 'certificate';
}

/**
 * The entry logged from the draft opened in `anchor`. A preview there that is still open must be
 * confirmed first; one that was cancelled has no entry — never fall back to some other entry.
 */
async function anchoredTrainingId(deps: CoreDeps, actor: Actor, anchor: string): Promise<string | null> {
  const draft = await findDraftByAnchor(deps.db, actor.organisationId, actor.personId, anchor);
  if (!draft) return null;
  if (draft.status === 'confirmed' && draft.trainingId) return draft.trainingId;
  if (draft.status === 'open') throw new RecertError('proof-draft-open');
  throw new RecertError('proof-draft-cancelled');
}
