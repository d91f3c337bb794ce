import { randomUUID } from 'node:crypto';
import type { Actor } from '../../src/domain/people.ts';
import type { CoreDeps } from '../../src/use-cases/deps.ts';
import { identify } from '../../src/use-cases/identify.ts';

/**
 * An organisation of its own whose first person is its admin (as in the terminal), and a way to
 * bring more people into it. Each person's platform id is their lowercased name, as in the terminal.
 */
export async function givenOrganisation(deps: CoreDeps, adminName = 'Dana Admin', zone = 'America/New_York'): Promise<{ admin: Actor; join(name: string, options?: { timeZone?: string | null }): Promise<Actor>; externalId: string }> {
  const externalId = `org-${randomUUID()}`;
  const join = async (name: string, options: { timeZone?: string | null } = {}) => {
    const { actor } = await identify(deps, {
      platform: 'test',
      organisationExternalId: externalId,
      organisationName: 'Test Clinic',
      organisationTimeZone: zone,
      userExternalId: name.toLowerCase(),
      displayName: name,
      timeZone: options.timeZone === undefined ? zone : options.timeZone,
      source: 'shell',
      firstPersonIsAdmin: true,
    });
    return actor;
  };
  return { admin: await join(adminName), join, externalId };
}
