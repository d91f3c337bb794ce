import { localDate } from '../../domain/dates.ts';
import type { Actor } from '../../domain/people.ts';
import type { RejectedValue, RosterImportResult } from '../../domain/roster.ts';
import { inTransaction } from '../../db/transaction.ts';
import type { Reply } from '../../replies.ts';
import { authorize } from '../access.ts';
import type { CoreDeps } from '../deps.ts';
import { recordChange } from '../shared.ts';
import { applyRow, RowRefused, type RowOutcome } from './apply-row.ts';
import { decodeRosterFile, readRosterCsv } from './csv.ts';
import { checkRow, type RosterRow } from './rows.ts';

export interface RosterImportInput {
  /** The file's text, or its bytes (UTF-8). */
  readonly text: string | Uint8Array;
  readonly fileName?: string | null;
  /** Store the good rows even when some are refused (default: all or nothing). */
  readonly skipBad?: boolean;
}

/** Thrown to roll the whole import back when a row was refused and skip-bad was not asked for. */
class NothingStored extends Error {
  readonly result: RosterImportResult;
  constructor(result: RosterImportResult) {
    super('roster import refused');
    this.result = result;
  }
}

/**
 * Build or update the roster from a CSV file (name, Slack user id or e-mail, credential number,
 * issued, expires, fee paid through, team). All or nothing: one transaction, and unless `skipBad`,
 * nothing is stored when any row is refused — the reply lists every refused value (line, column,
 * value, why). People are matched by Slack id, e-mail or name, so the same file twice changes nothing.
 */
export async function importRoster(deps: CoreDeps, actor: Actor, input: RosterImportInput): Promise<Reply> {
  const access = await authorize(deps, actor, 'manage-roster');
  const today = localDate(deps.clock.now(), actor.timeZone);
  const checked = withoutDuplicates((await readRosterCsv(typeof input.text === 'string' ? input.text : decodeRosterFile(input.text))).map((row) => checkRow(row, today)));
  const skipBad = input.skipBad === true;
  const base = { fileName: input.fileName ?? null, rows: checked.length, skipBad };
  try {
    const result = await inTransaction(deps.db, async (trx) => {
      const trxDeps = { ...deps, db: trx };
      const rejected: RejectedValue[] = checked.flatMap((c) => ('rejected' in c ? c.rejected : []));
      const outcomes: RowOutcome[] = [];
      for (const entry of checked) {
        if (!('row' in entry)) continue;
        const { row } = entry;
        try {
          outcomes.push(await inTransaction(trx, (rowTrx) => applyRow({ ...trxDeps, db: rowTrx }, actor, access, row)));
        } catch (error) {
          if (!(error instanceof RowRefused)) throw error;
          rejected.push(error.rejected);
        }
      }
      const count = (o: RowOutcome) => outcomes.filter((x) => x === o).length;
      const summary: RosterImportResult = { ...base, added: count('added'), updated: count('updated'), unchanged: count('unchanged'), rejected: rejected.sort((a, b) => a.line - b.line), rejectedRows: new Set(rejected.map((r) => r.line)).size, stored: true };
      if (rejected.length && !skipBad) throw new NothingStored({ ...summary, stored: false });
      await recordChange(trx, deps, actor, { action: 'roster.imported', entity: 'organisation', entityId: actor.organisationId, after: audited(summary, actor) });
      return summary;
    });
    return { kind: 'roster-import', result };
  } catch (error) {
    if (!(error instanceof NothingStored)) throw error;
    await recordChange(deps.db, deps, actor, { action: 'roster.import-refused', entity: 'organisation', entityId: actor.organisationId, after: audited(error.result, actor) });
    return { kind: 'roster-import', result: error.result };
  }
}

function audited(result: RosterImportResult, actor: Actor): Record<string, unknown> {
  const { fileName, rows, added, updated, unchanged, rejectedRows, skipBad } = result;
  return { fileName, rows, added, updated, unchanged, rejectedRows, skipBad, rejected: result.rejected.slice(0, 50), by: actor.displayName };
}

type Checked = { row: RosterRow } | { rejected: RejectedValue[] };

/** The same person twice in one file (by Slack id, e-mail or name): the later rows are refused. */
function withoutDuplicates(rows: readonly Checked[]): Checked[] {
  const seen = new Set<string>();
  return rows.map((entry) => {
    if (!('row' in entry)) return entry;
    const { row } = entry;
    const keys: [string, RejectedValue['column'], string][] = [];
    if (row.slackUserId) keys.push([`id:${row.slackUserId}`, 'slack user id', row.slackUserId]);
    if (row.email) keys.push([`email:${row.email}`, 'email', row.email]);
    keys.push([`name:${row.name.toLowerCase()}`, 'name', row.name]);
    // Two people may share a name when their Slack ids or e-mails tell them apart.
    const distinct = row.slackUserId || row.email ? keys.filter(([k]) => !k.startsWith('name:')) : keys;
    const repeated = distinct.find(([key]) => seen.has(key));
    for (const [key] of keys) seen.add(key);
    return repeated ? { rejected: [{ line: row.line, column: repeated[1], value: repeated[2], problem: 'duplicate' as const }] } : entry;
  });
}
