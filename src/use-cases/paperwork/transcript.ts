import { localDate } from '../../domain/dates.ts';
import type { Transcript, TranscriptEntry } from '../../domain/paperwork.ts';
import type { Actor } from '../../domain/people.ts';
import type { Training } from '../../domain/training.ts';
import { findOrganisationById } from '../../db/repositories/lookup.ts';
import type { CoreDeps } from '../deps.ts';
import { ownerOf, subjectFor, type About } from '../about.ts';
import { recordChange, standingOf, type Standing } from '../shared.ts';
import type { Subject } from '../subjects.ts';

export type TranscriptFormat = 'pdf' | 'csv';

/**
 * A person's transcript for the ACMSS renewal form — the asker's own, or (for a manager in scope
 * or an admin) the one `about` names. Audited as `paperwork.exported`.
 */
export async function getTranscript(deps: CoreDeps, actor: Actor, about: About | undefined, format: TranscriptFormat): Promise<Transcript> {
  const subject = await subjectFor(deps, actor, about, 'export-paperwork');
  const { transcript } = await transcriptOf(deps, actor, subject);
  await auditExport(deps, actor, subject, { what: 'transcript', format });
  return transcript;
}

/** The transcript's data: the subject's ledger as `standingOf` assesses it today, so it agrees with `status`. */
export async function transcriptOf(deps: CoreDeps, actor: Actor, subject: Subject): Promise<{ transcript: Transcript; standing: Standing }> {
  const today = localDate(deps.clock.now(), subject.zone);
  const standing = await standingOf(deps.db, ownerOf(actor, subject), today);
  const { credential, rules, compliance } = standing;
  const organisation = await findOrganisationById(deps.db, actor.organisationId);
  const transcript: Transcript = {
    person: { id: subject.id, displayName: subject.displayName },
    organisationName: organisation?.name ?? '',
    credential: { code: rules.code, name: rules.name, number: credential?.number ?? null, issuedOn: credential?.issuedOn ?? null, expiresOn: credential?.expiresOn ?? null },
    state: compliance.state,
    generatedOn: today,
    timeZone: subject.zone,
    entries: cycleEntries(standing),
    totals: { earned: compliance.earnedCredit, required: compliance.requiredCredit, countedMinutes: compliance.countedMinutes, countedEntries: compliance.counted.length },
  };
  return { transcript, standing };
}

/** Every entry of the current cycle, oldest first: counted ones and those that do not count (with why). */
export function cycleEntries(standing: Standing): TranscriptEntry[] {
  const why = new Map(standing.compliance.excluded.map((e) => [e.training.id, e.why] as const));
  return standing.trainings
    .filter((t) => why.get(t.id) !== 'outside-cycle')
    .toSorted((a, b) => a.completedOn.localeCompare(b.completedOn) || a.seq - b.seq)
    .map((t) => entryOf(t, why.get(t.id) ?? null));
}

function entryOf(t: Training, notCounted: string | null): TranscriptEntry {
  const reason = notCounted === 'duplicate' || notCounted === 'needs-review' || notCounted === 'registration-missing' ? notCounted : null;
  return { seq: t.seq, title: t.title, kind: t.kind, completedOn: t.completedOn, minutes: t.minutes, credit: t.credit, indexNumber: t.indexNumber, proofOnFile: t.proofCount > 0, notCounted: reason, cmsConfirmedByScribe: t.cmsConfirmed === true };
}

/** Every export is an audit event: who asked, whose paperwork, what. */
export async function auditExport(deps: CoreDeps, actor: Actor, subject: Subject, what: { readonly what: 'transcript' | 'pack'; readonly format?: string; readonly files?: number }): Promise<void> {
  await recordChange(deps.db, deps, actor, { action: 'paperwork.exported', entity: 'person', entityId: subject.id, after: { ...what, subject: subject.displayName } });
}
