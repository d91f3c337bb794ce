import { localDate } from '../../domain/dates.ts';
import type { PaperworkRequest } from '../../domain/paperwork.ts';
import type { Actor } from '../../domain/people.ts';
import type { Reply } from '../../replies.ts';
import type { About } from '../about.ts';
import type { CoreDeps } from '../deps.ts';
import { exportComplianceReport } from '../report/export-report.ts';
import { getEvidencePack } from './evidence-pack.ts';
import { getTranscript } from './transcript.ts';

/**
 * A chat export: the paperwork as data, for the adapter to make the files and deliver them to the
 * asker alone. Who may is checked (and refusals audited) in getTranscript / getEvidencePack /
 * exportComplianceReport (the report: managers and admins).
 */
export async function exportPaperwork(deps: CoreDeps, actor: Actor, request: PaperworkRequest, about?: About): Promise<Reply> {
  if (request.what === 'report') {
    const report = await exportComplianceReport(deps, actor);
    return { kind: 'paperwork', paperwork: { what: 'report', ...report, generatedOn: localDate(deps.clock.now(), actor.timeZone) }, isSelf: false };
  }
  if (request.what === 'pack') {
    const pack = await getEvidencePack(deps, actor, about);
    return { kind: 'paperwork', paperwork: { what: 'pack', pack }, isSelf: pack.transcript.person.id === actor.personId };
  }
  const transcript = await getTranscript(deps, actor, about, request.format);
  return { kind: 'paperwork', paperwork: { what: 'transcript', format: request.format, transcript }, isSelf: transcript.person.id === actor.personId };
}
