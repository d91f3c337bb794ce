import { createHash } from 'node:crypto';
import { evidenceNames, type EvidencePack } from '../../domain/paperwork.ts';
import type { Actor } from '../../domain/people.ts';
import { findLinksOfTrainings, readProofFileBytes } from '../../db/repositories/proofs.ts';
import type { CoreDeps } from '../deps.ts';
import { subjectFor, type About } from '../about.ts';
import { auditExport, transcriptOf } from './transcript.ts';

/**
 * The evidence pack: the transcript and every certificate file attached to an entry of the cycle,
 * each with its name in the pack and SHA-256. Bytes are read later (`readEvidence`), by whoever
 * makes the zip, so they never travel in a reply.
 */
export async function getEvidencePack(deps: CoreDeps, actor: Actor, about?: About): Promise<EvidencePack> {
  const subject = await subjectFor(deps, actor, about, 'export-paperwork');
  const { transcript, standing } = await transcriptOf(deps, actor, subject);
  const inCycle = new Set(transcript.entries.map((e) => e.seq));
  const trainings = standing.trainings.filter((t) => inCycle.has(t.seq));
  const bySeq = new Map(trainings.map((t) => [t.id, t] as const));
  const links = await findLinksOfTrainings(deps.db, actor.organisationId, trainings.map((t) => t.id));
  const sorted = links
    .map((link) => ({ link, training: bySeq.get(link.trainingId) }))
    .filter((x): x is { link: (typeof links)[number]; training: NonNullable<typeof x.training> } => x.training !== undefined)
    // By entry, then by the name attached under: the same pack every time (names depend on the order).
    .toSorted((a, b) => a.training.seq - b.training.seq || a.link.fileName.localeCompare(b.link.fileName) || a.link.sha256.localeCompare(b.link.sha256));
  const names = evidenceNames(sorted.map(({ link, training }) => ({ seq: training.seq, title: training.title, mediaType: link.mediaType, originalName: link.fileName })));
  const files = sorted.map(({ link, training }, i) => ({
    proofFileId: link.proofFileId,
    seq: training.seq,
    originalName: link.fileName,
    name: names[i] ?? link.fileName,
    mediaType: link.mediaType,
    sha256: link.sha256,
    sizeBytes: link.sizeBytes,
  }));
  await auditExport(deps, actor, subject, { what: 'pack', files: files.length });
  return { organisationId: actor.organisationId, transcript, files };
}

/** A stored certificate is missing or no longer matches the SHA-256 it was stored under. */
export class EvidenceUnreadableError extends Error {
  readonly fileName: string;
  constructor(fileName: string) {
    super(`certificate ${fileName} could not be read back intact`);
    this.fileName = fileName;
  }
}

/** The pack's certificate bytes by pack name, each checked against its SHA-256 (the organisation's files only). */
export async function readEvidence(deps: Pick<CoreDeps, 'db'>, pack: EvidencePack): Promise<Map<string, Buffer>> {
  const stored = await readProofFileBytes(deps.db, pack.organisationId, [...new Set(pack.files.map((f) => f.proofFileId))]);
  const out = new Map<string, Buffer>();
  for (const file of pack.files) {
    const found = stored.get(file.proofFileId);
    if (!found || createHash('sha256').update(found.bytes).digest('hex') !== file.sha256) throw new EvidenceUnreadableError(file.name);
    out.set(file.name, found.bytes);
  }
  return out;
}
