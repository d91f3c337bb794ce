import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { actorFor } from '../../../adapters/slack/runtime.ts';
import { testDeps } from '../../builders/deps.ts';
import { recordingClient, testRuntime, type Step } from '../../builders/slack-args.ts';
import { useTestDatabase } from '../../support/test-database.ts';

/**
 * Issue 7: "whoever installed the app" is a Recert admin in Slack, as the workspace's admins are
 * (review 7: no test said so). users.info calls neither of them an admin here.
 */
const database = useTestDatabase();

describe('the Slack installer', () => {
  it('is an admin of the workspace organisation; someone else who is no Slack admin is a scribe, even first', async () => {
    const deps = testDeps(database.current.db);
    const { rt } = testRuntime(deps);
    const steps: Step[] = [];
    const client = recordingClient(steps);
    const teamId = `T${randomUUID().slice(0, 8).toUpperCase()}`;
    const first = await actorFor(rt, deps, client, { teamId, userId: 'U0OTHER', installerUserId: 'U0INSTALLER' });
    const installer = await actorFor(rt, deps, client, { teamId, userId: 'U0INSTALLER', installerUserId: 'U0INSTALLER' });
    expect(steps.filter((s) => s.kind === 'api' && s.method === 'users.info')).toHaveLength(2);
    expect(first.actor.role).toBe('scribe');
    expect(installer.actor.role).toBe('admin');
    expect(installer.actor.organisationId).toBe(first.actor.organisationId);
  });
});
