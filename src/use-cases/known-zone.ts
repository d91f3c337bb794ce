import { isValidZone } from '../domain/dates.ts';
import type { PlatformPersonRef } from '../db/repositories/lookup.ts';
import type { CoreDeps } from './deps.ts';

/**
 * The zone a known person's dates are in — their own, else their organisation's — from the
 * platform's ids alone, writing nothing; null when the person is not known yet (or the zone is not
 * a valid IANA name). An adapter asks it for what it shows before any use case runs (Teams' form
 * card's "today" when the activity carries no zone).
 */
export async function knownTimeZone(deps: Pick<CoreDeps, 'db'>, who: PlatformPersonRef): Promise<string | null> {
  const organisation = await deps.db
    .selectFrom('organisations')
    .select(['id', 'time_zone'])
    .where('platform', '=', who.platform)
    .where('external_id', '=', who.organisationExternalId)
    .executeTakeFirst();
  if (!organisation) return null;
  const person = await deps.db.selectFrom('people').select('time_zone').where('organisation_id', '=', organisation.id).where('platform_user_id', '=', who.userExternalId).executeTakeFirst();
  if (!person) return null;
  const zone = person.time_zone ?? organisation.time_zone;
  return zone && isValidZone(zone) ? zone : null;
}
