import type { Db } from '../connection.ts';

export interface ProofFile {
  readonly id: string;
  readonly sha256: string;
  readonly mediaType: string;
  readonly sizeBytes: number;
}

export interface ProofLink {
  readonly id: string;
  readonly trainingId: string;
  readonly proofFileId: string;
  readonly fileName: string;
  readonly sha256: string;
  readonly mediaType: string;
  readonly sizeBytes: number;
}

export interface NewProofFile {
  readonly sha256: string;
  readonly mediaType: string;
  readonly bytes: Buffer;
}

/** Store the bytes once per organisation; the same SHA-256 again returns the stored file. */
export async function storeProofFile(db: Db, organisationId: string, file: NewProofFile, now: Date): Promise<{ file: ProofFile; stored: boolean }> {
  const inserted = await db
    .insertInto('proof_files')
    .values({ organisation_id: organisationId, sha256: file.sha256, media_type: file.mediaType, size_bytes: file.bytes.length, bytes: file.bytes, created_at: now })
    .onConflict((oc) => oc.columns(['organisation_id', 'sha256']).doNothing())
    .returning(['id', 'sha256', 'media_type', 'size_bytes'])
    .executeTakeFirst();
  const row =
    inserted ??
    (await db
      .selectFrom('proof_files')
      .select(['id', 'sha256', 'media_type', 'size_bytes'])
      .where('organisation_id', '=', organisationId)
      .where('sha256', '=', file.sha256)
      .executeTakeFirstOrThrow());
  return { file: { id: row.id, sha256: row.sha256, mediaType: row.media_type, sizeBytes: row.size_bytes }, stored: inserted !== undefined };
}

export interface NewProofLink {
  readonly trainingId: string;
  readonly proofFileId: string;
  readonly fileName: string;
  readonly source: string;
  readonly attachedBy: string;
}

export async function insertProofLink(db: Db, organisationId: string, link: NewProofLink, now: Date): Promise<string> {
  const row = await db
    .insertInto('training_proofs')
    .values({
      organisation_id: organisationId,
      training_id: link.trainingId,
      proof_file_id: link.proofFileId,
      file_name: link.fileName,
      source: link.source,
      attached_by: link.attachedBy,
      attached_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function setProofLinkRemoved(db: Db, organisationId: string, linkId: string, removedAt: Date | null): Promise<void> {
  await db
    .updateTable('training_proofs')
    .set({ removed_at: removedAt })
    .where('organisation_id', '=', organisationId)
    .where('id', '=', linkId)
    .execute();
}

/** Live links of a proof file to live entries, with the file's metadata. */
export async function findLinksOfFile(db: Db, organisationId: string, proofFileId: string): Promise<ProofLink[]> {
  return linksQuery(db, organisationId).where('training_proofs.proof_file_id', '=', proofFileId).execute();
}

/** Live links of live entries, with each file's metadata (no bytes), in one query. */
export async function findLinksOfTrainings(db: Db, organisationId: string, trainingIds: readonly string[]): Promise<ProofLink[]> {
  if (trainingIds.length === 0) return [];
  return linksQuery(db, organisationId).where('training_proofs.training_id', 'in', [...trainingIds]).orderBy('training_proofs.attached_at').orderBy('training_proofs.id').execute();
}

/** Stored files' bytes by id (the organisation's only), with the SHA-256 they were stored under. */
export async function readProofFileBytes(db: Db, organisationId: string, ids: readonly string[]): Promise<Map<string, { readonly sha256: string; readonly bytes: Buffer }>> {
  const out = new Map<string, { sha256: string; bytes: Buffer }>();
  if (ids.length === 0) return out;
  const rows = await db.selectFrom('proof_files').select(['id', 'sha256', 'bytes']).where('organisation_id', '=', organisationId).where('id', 'in', [...ids]).execute();
  for (const row of rows) out.set(row.id, { sha256: row.sha256, bytes: row.bytes });
  return out;
}

function linksQuery(db: Db, organisationId: string) {
  return db
    .selectFrom('training_proofs')
    .innerJoin('proof_files', 'proof_files.id', 'training_proofs.proof_file_id')
    .innerJoin('trainings', 'trainings.id', 'training_proofs.training_id')
    .select([
      'training_proofs.id as id',
      'training_proofs.training_id as trainingId',
      'training_proofs.proof_file_id as proofFileId',
      'training_proofs.file_name as fileName',
      'proof_files.sha256 as sha256',
      'proof_files.media_type as mediaType',
      'proof_files.size_bytes as sizeBytes',
    ])
    .where('training_proofs.organisation_id', '=', organisationId)
    .where('proof_files.organisation_id', '=', organisationId)
    .where('trainings.organisation_id', '=', organisationId)
    .where('trainings.deleted_at', 'is', null)
    .where('training_proofs.removed_at', 'is', null);
}

