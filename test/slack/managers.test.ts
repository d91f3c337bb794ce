import { sql } from 'kysely';
import nock from 'nock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSlack, textOf, waitFor, type TestSlack } from '../support/slack/harness.ts';
import { blockAction, commandFields, TEAM } from '../support/slack/payloads.ts';
import { useTestDatabase } from '../support/test-database.ts';
import { interceptSlackPeople, type SlackCall } from '../fakes/slack-people.ts';

/**
 * A manager's day in Slack through the signed entry point: a workspace admin (Slack says so) makes a
 * manager by mention; the manager asks who is out of compliance and opens one person's details; a
 * scribe asking the same is refused, politely, naming the admin.
 */
const database = useTestDatabase();

const PEOPLE: Record<string, { name: string; admin?: boolean }> = {
  U0ADMIN: { name: 'Dana', admin: true },
  U0MGR: { name: 'Mona' },
  U0ANA: { name: 'Ana' },
};


describe('Slack: the manager report', () => {
  let app: TestSlack;
  let calls: SlackCall[];
  beforeAll(async () => {
    nock.disableNetConnect();
    nock.enableNetConnect('127.0.0.1');
    calls = interceptSlackPeople(TEAM, PEOPLE);
    app = await startTestSlack(database.current.db);
  });
  afterAll(async () => {
    await app.stop();
    nock.cleanAll();
    nock.enableNetConnect();
  });

  async function command(user: string, text: string): Promise<Record<string, unknown>> {
    const fields = commandFields(text, { user_id: user });
    const before = calls.length;
    await app.slack.command(fields);
    const path = `response_url${new URL(fields.response_url ?? '').pathname}`;
    await waitFor(() => calls.slice(before).some((c) => c.path === path && !textOf(c.body).includes('Welcome to Recert')));
    return calls.slice(before).filter((c) => c.path === path).at(-1)?.body ?? {};
  }

  it('refuses a scribe, names the admin; the admin makes a manager by mention; the manager gets the report and a person\'s details', async () => {
    await command('U0ADMIN', 'status');
    await command('U0ANA', 'cert CMSS-9 issued 2025-10-01 expires 2026-10-01');
    const refused = await command('U0ANA', 'report');
    expect(textOf(refused)).toContain('Only managers and admins can see the team report');
    expect(textOf(refused)).toContain('ask an admin: Dana');

    const made = await command('U0ADMIN', 'role <@U0MGR|mona> manager');
    expect(textOf(made)).toContain('*Mona* is now a manager of the whole organisation');

    const report = await command('U0MGR', 'who is out of compliance?');
    const text = textOf(report);
    expect(text).toContain('of 3 people');
    expect(text).toContain('Ana');
    expect(text).toContain('certificate expired on Oct 1, 2026');
    const details = /"action_id":"ceu_report_details:[0-9a-f-]{36}","value":"([0-9a-f-]{36})"/.exec(JSON.stringify(report));
    expect(details?.[1]).toBeDefined();

    const before = calls.length;
    const press = blockAction('ceu_report_details', details?.[1] ?? '', { user: { id: 'U0MGR', team_id: TEAM } });
    await app.slack.interaction(press);
    await waitFor(() => calls.slice(before).filter((c) => c.path.startsWith('response_url')).length >= 2);
    const shown = calls.slice(before).map((c) => textOf(c.body)).join('\n');
    expect(shown).toContain('CMSS-9');
    expect(calls.slice(before)[0]?.body).toMatchObject({ replace_original: false });
  });

  it('refuses a Details button pressed by a scribe with a colleague\'s id, showing nothing of them', async () => {
    await command('U0ANA', 'status');
    const { rows } = await sql<{ id: string }>`select p.id from people p join organisations o on o.id = p.organisation_id where o.external_id = ${TEAM} and p.platform_user_id = 'U0ADMIN'`.execute(app.deps.db);
    const id = rows[0]?.id ?? '';
    expect(id).not.toBe('');
    const before = calls.length;
    await app.slack.interaction(blockAction('ceu_report_details', id, { user: { id: 'U0ANA', team_id: TEAM } }));
    await waitFor(() => calls.slice(before).some((c) => c.path.startsWith('response_url')));
    const answer = textOf(calls.slice(before).find((c) => c.path.startsWith('response_url'))?.body ?? {});
    expect(answer).toMatch(/Only managers and admins|not in your teams|can see/);
    expect(answer).not.toContain('CMSS');
  });
});
