import type { Actor } from '../domain/people.ts';
import type { Reply } from '../replies.ts';
import type { CoreDeps } from './deps.ts';
import { localDate } from '../domain/dates.ts';
import { ownerOf, subjectFor, type About } from './about.ts';
import { standingOf, viewOf } from './shared.ts';

/** Entries per page: small enough for one chat message on every platform. */
export const HISTORY_PAGE_SIZE = 10;

/** The person's live entries, newest completion first, one page at a time (pages count from 1). */
export async function getHistory(deps: CoreDeps, actor: Actor, page = 1, about?: About): Promise<Reply> {
  const subject = await subjectFor(deps, actor, about, 'see-records');
  const standing = await standingOf(deps.db, ownerOf(actor, subject), localDate(deps.clock.now(), subject.zone));
  const all = standing.allTrainings;
  const pageCount = Math.max(1, Math.ceil(all.length / HISTORY_PAGE_SIZE));
  const current = Math.min(Math.max(1, Math.floor(page)), pageCount);
  const entries = all.slice((current - 1) * HISTORY_PAGE_SIZE, current * HISTORY_PAGE_SIZE).map((t) => viewOf(t, standing));
  return { kind: 'history', entries, page: current, pageCount, total: all.length, ...(subject.id === actor.personId ? {} : { of: { personId: subject.id, displayName: subject.displayName } }) };
}
