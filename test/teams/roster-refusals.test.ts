import { describe, expect, it } from 'vitest';
import { cardText, messageActivity, postActivity, uniqueId, useTestTeams, type Who } from '../support/teams/harness.ts';
import { useTestDatabase } from '../support/test-database.ts';

const database = useTestDatabase();

const TENANT = 'tenant-roster-refusals';
const ADMIN: Who = { tenant: TENANT, aad: 'aad-rita', name: 'Rita Lead' };
const SCRIBE: Who = { tenant: TENANT, aad: 'aad-sam', name: 'Sam Scribe' };

/** Roster refusals in Teams say the same sentences as the terminal's and Slack's (adapters/common). */
describe('Teams: a scribe refused the roster (POST /api/messages)', () => {
  const t = useTestTeams(database);

  async function answer(text: string, who: Who): Promise<string> {
    const before = t.sent.length;
    expect((await postActivity(t.teams.port, messageActivity(text, who))).status).toBeLessThan(300);
    const mine = t.sent.slice(before);
    return mine.map((s) => `${s.body.text ?? ''} ${(s.body.attachments ?? []).map((a) => cardText(a.content)).join(' ')}`).join('\n');
  }

  it('names what was refused and the admin to ask', async () => {
    await postActivity(t.teams.port, { ...messageActivity('', ADMIN), id: uniqueId('inst'), type: 'installationUpdate', action: 'add', text: undefined });
    await answer('status', SCRIBE);
    expect(await answer('roster', SCRIBE)).toContain('Only managers and admins can see the roster — ask an admin: Rita Lead.');
    expect(await answer('roster remove @"Rita Lead"', SCRIBE)).toContain('Only managers and admins can change the roster — ask an admin: Rita Lead.');
  }, 60_000);
});
