import type { Actor } from '../domain/people.ts';
import type { Subject } from './subjects.ts';

/**
 * What an audit event adds when someone changes another person's records: both names, so the trail
 * says who did what to whose records (the event's actor column is the one who asked).
 */
export function onBehalfOf(actor: Actor, subject: Pick<Subject, 'id' | 'displayName'>): { onBehalfOf?: { personId: string; name: string; by: string } } {
  if (subject.id === actor.personId) return {};
  return { onBehalfOf: { personId: subject.id, name: subject.displayName, by: actor.displayName } };
}
