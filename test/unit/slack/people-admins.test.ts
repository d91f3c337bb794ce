import type { WebClient } from '@slack/web-api';
import { describe, expect, it } from 'vitest';
import { PeopleDirectory } from '../../../adapters/slack/people.ts';
import { RecordingLogger } from '../../fakes/recording-logger.ts';

/**
 * Issue 7: the workspace's owners and admins are Recert admins — `users.info`'s `is_admin`,
 * `is_owner` and `is_primary_owner` each count (review 7: only `is_admin` was tested).
 */
function clientAnswering(user: Record<string, unknown> | Error): WebClient {
  const info = async () => {
    if (user instanceof Error) throw user;
    return { ok: true, user: { id: 'U1', name: 'x', tz: 'America/Chicago', profile: { display_name: 'X' }, ...user } };
  };
  // Only users.info is called: a stand-in for the Web API client, injected as PeopleDirectory takes it.
  return { users: { info } } as unknown as WebClient;
}

describe('who Slack says administers the workspace', () => {
  it.each([
    ['an admin', { is_admin: true }, true],
    ['an owner', { is_owner: true }, true],
    ['the primary owner', { is_primary_owner: true, is_owner: true, is_admin: false }, true],
    ['a member', { is_admin: false, is_owner: false }, false],
    ['a member (flags absent)', {}, false],
  ])('%s', async (_label, flags, admin) => {
    const people = new PeopleDirectory(new RecordingLogger(), () => 0);
    expect((await people.lookup(clientAnswering(flags), 'T1', 'U1')).isAdmin).toBe(admin);
  });

  it('cannot tell when Slack cannot be asked (no role is granted or taken away then)', async () => {
    const people = new PeopleDirectory(new RecordingLogger(), () => 0);
    expect((await people.lookup(clientAnswering(new Error('missing_scope')), 'T1', 'U1')).isAdmin).toBeUndefined();
  });
});
