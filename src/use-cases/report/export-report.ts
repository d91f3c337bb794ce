import type { Actor } from '../../domain/people.ts';
import type { ReportCounts, ReportRow } from '../../domain/report.ts';
import type { CoreDeps } from '../deps.ts';
import { recordChange } from '../shared.ts';
import { buildComplianceReport } from './compliance-report.ts';

/** The organisation report as a file would hold it: everyone in the asker's scope, most urgent first. */
export interface OrganisationReport {
  readonly counts: ReportCounts;
  readonly rows: readonly ReportRow[];
  /** The teams the asker is limited to (null: the whole organisation). */
  readonly limitedTo: readonly string[] | null;
}

/**
 * `export report` / `recert report`: every person the asker may see — compliant people too — with
 * the same state and reasons as their own status (the report's rules, checked in the core: a
 * scribe is refused). Each export is an audit event.
 */
export async function exportComplianceReport(deps: CoreDeps, actor: Actor): Promise<OrganisationReport> {
  const report = await buildComplianceReport(deps, actor, { everyone: true });
  await recordChange(deps.db, deps, actor, { action: 'report.exported', entity: 'organisation', entityId: actor.organisationId, after: { people: report.rows.length } });
  return { counts: report.counts, rows: report.rows, limitedTo: report.limitedTo };
}
