import { sql } from 'kysely';
import nock from 'nock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSlack, textOf, waitFor, type TestSlack } from '../support/slack/harness.ts';
import { blockAction, commandFields, TEAM } from '../support/slack/payloads.ts';
import { useTestDatabase } from '../support/test-database.ts';

/**
 * Reminders in Slack through the signed entry point: `/ceu remind here …` in a channel subscribes
 * that channel (a scribe is refused, nothing stored); a reminder DM's Snooze button records the
 * snooze once and answers in place of the DM.
 */
const database = useTestDatabase();

const PEOPLE: Record<string, { name: string; admin?: boolean }> = { U0ADMIN: { name: 'Dana', admin: true }, U0ANA: { name: 'Ana' } };

interface Call {
  readonly path: string;
  readonly body: Record<string, unknown>;
}

function intercept(): Call[] {
  const calls: Call[] = [];
  nock('https://slack.com')
    .persist()
    .post('/api/users.info')
    .reply(200, async (req: Request) => {
      const user = new URLSearchParams(await req.text()).get('user') ?? '';
      const who = PEOPLE[user] ?? { name: user };
      return { ok: true, user: { id: user, team_id: TEAM, name: who.name.toLowerCase(), real_name: who.name, tz: 'America/Chicago', is_admin: who.admin === true, profile: { display_name: who.name } } };
    })
    .post(/\/api\/chat\.postMessage/)
    .reply(200, { ok: true, ts: '1.1' });
  nock('https://hooks.slack.com')
    .persist()
    .post(/.*/)
    .reply(200, async (req: Request) => {
      calls.push({ path: `response_url${new URL(req.url).pathname}`, body: (await req.json()) as Record<string, unknown> });
      return 'ok';
    });
  return calls;
}

describe('Slack: reminders', () => {
  let app: TestSlack;
  let calls: Call[];
  beforeAll(async () => {
    nock.disableNetConnect();
    nock.enableNetConnect('127.0.0.1');
    calls = intercept();
    app = await startTestSlack(database.current.db);
  });
  afterAll(async () => {
    await app.stop();
    nock.cleanAll();
    nock.enableNetConnect();
  });

  async function command(user: string, text: string, channel = { channel_id: 'C0SCRIBES', channel_name: 'scribes' }): Promise<Record<string, unknown>> {
    const fields = commandFields(text, { user_id: user, ...channel });
    const before = calls.length;
    await app.slack.command(fields);
    const path = `response_url${new URL(fields.response_url ?? '').pathname}`;
    await waitFor(() => calls.slice(before).some((c) => c.path === path && !textOf(c.body).includes('Welcome to Recert')));
    return calls.slice(before).filter((c) => c.path === path).at(-1)?.body ?? {};
  }

  async function targets(): Promise<{ address: string; name: string; active: boolean }[]> {
    const { rows } = await sql<{ address: string; name: string; active: boolean }>`select t.address, t.name, t.active from reminder_targets t join organisations o on o.id = t.organisation_id where o.external_id = ${TEAM}`.execute(app.deps.db);
    return rows;
  }

  it('subscribes the channel the command was typed in; refuses a scribe and a DM', async () => {
    await command('U0ADMIN', 'status');
    const refused = await command('U0ANA', 'remind here 60,30,7 at 9:00');
    expect(textOf(refused)).toContain('Only managers and admins can set up reminders');
    expect(textOf(refused)).toContain('ask an admin: Dana');
    expect(await targets()).toEqual([]);

    const set = await command('U0ADMIN', 'remind here 60,30,7 at 9:00');
    expect(textOf(set)).toContain('*#scribes* will get a reminder digest');
    expect(textOf(set)).toContain('60, 30, 7 days before');
    expect(await targets()).toEqual([{ address: 'C0SCRIBES', name: '#scribes', active: true }]);

    const bad = await command('U0ADMIN', 'remind here at 25:00');
    expect(textOf(bad)).toContain('25:00\\" is not a time of day');
    const inDm = await command('U0ADMIN', 'remind here', { channel_id: 'D0DANA', channel_name: 'directmessage' });
    expect(textOf(inDm)).toContain('Reminder settings belong to a channel');
    expect(textOf(await command('U0ADMIN', 'remind show'))).toContain('Reminders for *#scribes*');
  });

  it("records a DM's snooze once for a double click and answers in place of the DM", async () => {
    await command('U0ANA', 'status');
    const before = calls.length;
    const press = blockAction('ceu_snooze', '3', { user: { id: 'U0ANA', team_id: TEAM } });
    await Promise.all([app.slack.interaction(press), app.slack.interaction(press)]);
    await waitFor(() => calls.slice(before).some((c) => c.path.startsWith('response_url')));
    const answer = calls.slice(before).find((c) => c.path.startsWith('response_url'))?.body ?? {};
    expect(textOf(answer)).toContain('Snoozed: no reminders until the end of');
    expect(answer).toMatchObject({ replace_original: true });
    const { rows } = await sql<{ n: string }>`select count(*) as n from reminder_snoozes s join people p on p.id = s.person_id where p.platform_user_id = 'U0ANA'`.execute(app.deps.db);
    expect(Number(rows[0]?.n)).toBe(1);
  });
});
