import nock from 'nock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOT_TOKEN, startTestSlack, textOf, waitFor, type TestSlack } from '../support/slack/harness.ts';
import { commandFields, eventEnvelope, TEAM, uniqueId } from '../support/slack/payloads.ts';
import { useTestDatabase } from '../support/test-database.ts';
import { interceptSlackPeople, type SlackCall } from '../fakes/slack-people.ts';

/**
 * The roster in Slack through the signed entry point: a workspace admin adds people by mention and
 * sets a certificate on their behalf; a CSV sent in the DM is a roster import (not proof), refused
 * to a scribe; nock stands in for Slack's Web API and its file host only.
 */
const database = useTestDatabase();

const PEOPLE: Record<string, { name: string; admin?: boolean }> = { U0ADMIN: { name: 'Dana', admin: true }, U0ANA: { name: 'Ana' }, U0BEN: { name: 'Ben' } };
const HEADER = 'name,slack user id,email,credential number,issued,expires,fee paid through,team';


/** files.info says a CSV was shared in `user`'s DM; files.slack.com serves it to the bot token. */
function serveCsv(user: string, name: string, csv: string, comment?: string): string {
  const id = uniqueId('F');
  const dm = `D${user}`;
  const path = `/files-pri/${TEAM}-${id}/download/${name}`;
  nock('https://slack.com')
    .post('/api/files.info', (body: Record<string, unknown>) => body.file === id)
    .reply(200, { ok: true, file: { id, name, size: Buffer.byteLength(csv), user, mimetype: 'text/csv', filetype: 'csv', url_private_download: `https://files.slack.com${path}`, shares: { private: { [dm]: [{ ts: '1700000400.000100' }] } }, ...(comment ? { initial_comment: { comment } } : {}) } });
  nock('https://files.slack.com', { reqheaders: { authorization: `Bearer ${BOT_TOKEN}` } })
    .get(path)
    .reply(200, Buffer.from(csv), { 'content-type': 'text/csv' });
  return id;
}

describe('Slack: the roster', () => {
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

  async function command(user: string, text: string): Promise<string> {
    const fields = commandFields(text, { user_id: user });
    const before = calls.length;
    await app.slack.command(fields);
    const path = `response_url${new URL(fields.response_url ?? '').pathname}`;
    await waitFor(() => calls.slice(before).some((c) => c.path === path && !textOf(c.body).includes('Welcome to Recert')));
    return textOf(calls.slice(before).filter((c) => c.path === path).at(-1)?.body ?? {});
  }

  async function shareCsv(user: string, csv: string, comment?: string): Promise<string> {
    const id = serveCsv(user, 'people.csv', csv, comment);
    const before = calls.length;
    const envelope = eventEnvelope({ type: 'file_shared', file_id: id, user_id: user, channel_id: `D${user}`, file: { id }, event_ts: '1700000400.000200' });
    expect((await app.slack.event(envelope)).status).toBe(200);
    await waitFor(() => calls.slice(before).some((c) => c.path === 'chat.postMessage' && /roster|imported|Only managers/i.test(textOf(c.body))));
    return textOf(calls.slice(before).filter((c) => c.path === 'chat.postMessage').at(-1)?.body ?? {});
  }

  it('adds people by mention and sets a certificate on their behalf; a scribe is refused', async () => {
    await command('U0ADMIN', 'status');
    expect(await command('U0ADMIN', 'roster add <@U0ANA|ana> <@U0BEN>')).toContain('On the roster now: *Ana, Ben*');
    expect(await command('U0ADMIN', 'roster set <@U0ANA> cert CMSS-55 issued 2026-02-01')).toContain('Certificate saved for *Ana*: CMSS-55');
    const roster = await command('U0ADMIN', 'roster');
    expect(roster).toContain('CMSS-55, expires Feb 1, 2027');
    expect(await command('U0ANA', 'roster remove <@U0BEN>')).toContain('Only managers and admins can change the roster — ask an admin: Dana.');
    // The same sentence as in every adapter (adapters/common/forbidden-wording.ts): the roster, not "the team report".
    expect(await command('U0ANA', 'roster')).toContain('Only managers and admins can see the roster — ask an admin: Dana.');
  });

  it('imports a CSV sent in the DM: all or nothing, skip-bad from the words with it; a scribe\'s CSV is refused', async () => {
    await command('U0ADMIN', 'status');
    const bad = `\uFEFF${HEADER}\r\nAna,U0ANA,,CMSS-55,2026-02-01,,,Night shift\r\nEve,,eve@example.org,CMSS-1,2026-13-01,,,\r\n`;
    const refused = await shareCsv('U0ADMIN', bad);
    expect(refused).toContain('Nothing imported from people.csv');
    expect(refused).toContain('Line 3, issued: *2026-13-01* is not a date');
    const skipped = await shareCsv('U0ADMIN', bad, 'roster import skip-bad');
    expect(skipped).toContain('*Roster imported from people.csv*: 2 rows — 0 added, 1 updated, 0 unchanged; 1 row skipped.');
    expect(await command('U0ADMIN', 'roster')).toContain('*Ana* (Night shift)');
    expect(await shareCsv('U0ANA', bad)).toContain('Only managers and admins');
  });
});
