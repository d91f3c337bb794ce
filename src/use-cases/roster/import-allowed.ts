import type { Actor } from '../../domain/people.ts';
import { authorize } from '../access.ts';
import type { CoreDeps } from '../deps.ts';

/**
 * Whether `actor` may import a roster, asked before an adapter reads the file: a scribe is refused
 * (audited, naming the admins) rather than told about a path they should not be using.
 */
export async function mayImportRoster(deps: CoreDeps, actor: Actor): Promise<void> {
  await authorize(deps, actor, 'manage-roster');
}
