import type { Actor } from '../domain/people.ts';
import { findOrganisation } from '../db/repositories/lookup.ts';
import { RecertError } from '../errors.ts';
import type { CoreDeps } from './deps.ts';

/**
 * The operator at the command line, acting on one organisation (`--org slack:T0123`, `--org local`
 * for the terminal's): an admin's rights, no records of their own, every change audited as theirs.
 */
export async function operatorActor(deps: CoreDeps, organisation: string, requestId?: string): Promise<Actor> {
  const { platform, externalId } = parseOrganisation(organisation);
  const found = await findOrganisation(deps.db, platform, externalId);
  if (!found) throw new RecertError('organisation-not-found', { organisation });
  return { organisationId: found.id, personId: '', displayName: 'the operator', role: 'admin', timeZone: found.timeZone, source: 'cli', operator: true, ...(requestId ? { requestId } : {}) };
}

/** `slack:T0123`, `shell:local`; `local` alone is the terminal's organisation. */
export function parseOrganisation(text: string): { platform: string; externalId: string } {
  const trimmed = text.trim();
  if (trimmed === 'local') return { platform: 'shell', externalId: 'local' };
  const colon = trimmed.indexOf(':');
  if (colon <= 0) return { platform: 'slack', externalId: trimmed };
  return { platform: trimmed.slice(0, colon), externalId: trimmed.slice(colon + 1) };
}
