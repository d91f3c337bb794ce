import { addDays } from '../../domain/dates.ts';
import type { Actor } from '../../domain/people.ts';
import { recordChange } from '../shared.ts';
import type { CoreDeps } from '../deps.ts';
import { writeRosterCsv } from './csv.ts';
import { SLACK_ID } from './rows.ts';
import { rosterEntries } from './list.ts';

/**
 * The roster as CSV, in the columns `roster import` reads (so an export imported again changes
 * nothing): everyone the asker looks after who is on it (people removed are left out). The fee column
 * says the day the paid cycle runs through (the day before the certificate expires).
 */
export async function exportRoster(deps: CoreDeps, actor: Actor): Promise<{ readonly csv: string; readonly people: number }> {
  const { entries } = await rosterEntries(deps, actor);
  const active = entries.filter((e) => e.active);
  const csv = await writeRosterCsv(
    active.map((e) => ({
      name: e.displayName,
      // Only a Slack id is written: the terminal's people (and those a file brought in) are found by name or e-mail.
      'slack user id': SLACK_ID.test(e.platformUserId) ? e.platformUserId : '',
      email: e.email ?? '',
      'credential number': e.certificate?.number ?? '',
      issued: e.certificate?.issuedOn ?? '',
      expires: e.certificate?.expiresOn ?? '',
      'fee paid through': e.certificate && e.feePaid ? addDays(e.certificate.expiresOn, -1) : '',
      team: e.teams.join('; '),
    })),
  );
  await recordChange(deps.db, deps, actor, { action: 'roster.exported', entity: 'organisation', entityId: actor.organisationId, after: { people: active.length, by: actor.displayName } });
  return { csv, people: active.length };
}
