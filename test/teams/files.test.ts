import nock from 'nock';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { pdfBytes } from '../builders/files.ts';
import { actionData, cardAction, cardText, interceptConnector, messageActivity, postActivity, startTestTeams, TENANT, type SentActivity, type TestTeams, type Who } from '../support/teams/harness.ts';
import { useTestDatabase } from '../support/test-database.ts';

const database = useTestDatabase();

const FILE_HOST = 'https://contoso-my.sharepoint.com';
/** Downloads slower than this (ms) are abandoned (the instance's setting; the real one is 30 s). */
const TIMEOUT_MS = 1000;

/** A file sent in personal chat, as Teams delivers it (a pre-authenticated SharePoint downloadUrl). */
function fileActivity(who: Who, name: string, downloadUrl: string, text = ''): Record<string, unknown> {
  const file = { contentType: 'application/vnd.microsoft.teams.file.download.info', contentUrl: `${FILE_HOST}/personal/x/Documents/${name}`, name, content: { downloadUrl, uniqueId: 'a1b2c3', fileType: name.split('.').pop() } };
  return messageActivity(text, who, { attachments: [file] });
}

/** Proofs attached to entries of that title, in Teams organisations. */
async function proofsOn(title: string): Promise<number> {
  const db = database.current.db;
  const orgs = (await db.selectFrom('organisations').select('id').where('platform', '=', 'teams').execute()).map((o) => o.id);
  if (!orgs.length) return 0;
  const row = await db
    .selectFrom('training_proofs')
    .innerJoin('trainings', 'trainings.id', 'training_proofs.training_id')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('training_proofs.organisation_id', 'in', orgs)
    .where('trainings.organisation_id', 'in', orgs)
    .where('trainings.title', '=', title)
    .where('training_proofs.removed_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

describe('Teams certificates sent in personal chat (POST /api/messages; nock at the connector and SharePoint)', () => {
  let teams: TestTeams;
  let sent: SentActivity[];

  beforeAll(async () => {
    nock.disableNetConnect();
    nock.enableNetConnect('127.0.0.1');
    teams = await startTestTeams(database.current.db, { mode: 'dev' }, { files: { timeoutMs: TIMEOUT_MS } });
  });
  afterAll(async () => {
    await teams.stop();
    nock.cleanAll();
    nock.enableNetConnect();
  });
  beforeEach(() => {
    nock.cleanAll();
    sent = interceptConnector();
  });

  /** Log and confirm an entry for `who` through the cards, so a certificate has something to attach to. */
  async function confirmed(who: Who, title: string): Promise<void> {
    await postActivity(teams.port, messageActivity(`log "${title}" webinar 60 min yesterday`, who));
    await postActivity(teams.port, cardAction(actionData(sent.at(-1), 'confirm'), who));
    sent.length = 0;
  }

  const lastCard = (): string => cardText(sent.at(-1)?.body.attachments?.[0]?.content);

  it('a good PDF is downloaded without the bot token and attached to the latest confirmed entry', async () => {
    const who = { aad: 'aad-files-good', name: 'Gail Good' };
    await confirmed(who, 'Teams Proof Course');
    // badheaders: a request carrying an Authorization header would not match (and would not be served).
    const download = nock(FILE_HOST, { badheaders: ['authorization'] })
      .get('/personal/x/_layouts/15/download.aspx')
      .query({ UniqueId: 'a1b2c3', tempauth: 'secret' })
      .reply(200, Buffer.from(pdfBytes()), { 'content-type': 'application/octet-stream' });
    const result = await postActivity(teams.port, fileActivity(who, 'cert.pdf', `${FILE_HOST}/personal/x/_layouts/15/download.aspx?UniqueId=a1b2c3&tempauth=secret`));
    expect(result.status).toBe(200);
    expect(download.isDone()).toBe(true);
    expect(sent).toHaveLength(1);
    expect(lastCard()).toContain('Teams Proof Course');
    expect(lastCard()).toContain('cert.pdf');
    expect(await proofsOn('Teams Proof Course')).toBe(1);
  });

  it('a file whose bytes are not a certificate format is refused (its name says .pdf), nothing stored', async () => {
    const who = { aad: 'aad-files-type', name: 'Tom Type' };
    await confirmed(who, 'Teams Wrong Type Course');
    nock(FILE_HOST).get('/d/notes.pdf').reply(200, 'just some words, not a PDF', { 'content-type': 'application/pdf' });
    await postActivity(teams.port, fileActivity(who, 'notes.pdf', `${FILE_HOST}/d/notes.pdf`));
    expect(lastCard()).toMatch(/notes\.pdf/);
    expect(lastCard()).not.toContain('Teams Wrong Type Course');
    expect(await proofsOn('Teams Wrong Type Course')).toBe(0);
  });

  it('a file over 10 MB is refused while reading, nothing stored', async () => {
    const who = { aad: 'aad-files-big', name: 'Bea Big' };
    await confirmed(who, 'Teams Big File Course');
    const big = Buffer.concat([Buffer.from(pdfBytes()), Buffer.alloc(10 * 1024 * 1024 + 1)]);
    nock(FILE_HOST).get('/d/big.pdf').reply(200, big, { 'content-type': 'application/pdf' });
    await postActivity(teams.port, fileActivity(who, 'big.pdf', `${FILE_HOST}/d/big.pdf`));
    expect(lastCard()).toMatch(/big\.pdf.*10\.0 MB at most/);
    expect(await proofsOn('Teams Big File Course')).toBe(0);
  });

  it('a downloadUrl on a host that is not SharePoint or OneDrive is not fetched', async () => {
    const who = { aad: 'aad-files-host', name: 'Hal Host' };
    await confirmed(who, 'Teams Host Course');
    const evil = nock('https://contoso.sharepoint.com.evil.example').get(/.*/).reply(200, Buffer.from(pdfBytes()));
    await postActivity(teams.port, fileActivity(who, 'cert.pdf', 'https://contoso.sharepoint.com.evil.example/cert.pdf'));
    expect(evil.isDone()).toBe(false);
    expect(lastCard()).toContain('not stored on SharePoint or OneDrive (contoso.sharepoint.com.evil.example)');
    expect(await proofsOn('Teams Host Course')).toBe(0);
  });

  it('a redirect away from SharePoint is not followed', async () => {
    const who = { aad: 'aad-files-redirect', name: 'Rita Redirect' };
    await confirmed(who, 'Teams Redirect Course');
    nock(FILE_HOST).get('/d/cert.pdf').reply(302, '', { location: 'https://attacker.example/cert.pdf' });
    await postActivity(teams.port, fileActivity(who, 'cert.pdf', `${FILE_HOST}/d/cert.pdf`));
    expect(lastCard()).toContain('Teams redirected the download of "cert.pdf" to attacker.example');
    expect(await proofsOn('Teams Redirect Course')).toBe(0);
  });

  it('a download slower than the timeout is abandoned with a clear answer', async () => {
    const who = { aad: 'aad-files-slow', name: 'Sid Slow' };
    await confirmed(who, 'Teams Slow Course');
    // A server that never answers (answering late, after the abort, trips undici under nock).
    nock(FILE_HOST).get('/d/slow.pdf').reply(() => new Promise<never>(() => undefined));
    await postActivity(teams.port, fileActivity(who, 'slow.pdf', `${FILE_HOST}/d/slow.pdf`));
    expect(lastCard()).toContain('Downloading "slow.pdf" from Teams took too long');
    expect(await proofsOn('Teams Slow Course')).toBe(0);
  });

  it('a picture pasted into the message is not fetched: the person is told to attach the file', async () => {
    const who = { aad: 'aad-files-inline', name: 'Ina Inline' };
    const connectorImage = nock('https://smba.trafficmanager.net').get(/.*/).reply(200, 'x');
    const image = { contentType: 'image/*', contentUrl: 'https://smba.trafficmanager.net/amer/v3/attachments/0-abc/views/original' };
    await postActivity(teams.port, messageActivity('', who, { attachments: [image] }));
    expect(connectorImage.isDone()).toBe(false);
    expect(lastCard()).toContain("I can't read a picture pasted into the message");
  });

  it('a resent file activity (same id) attaches once and is answered once', async () => {
    const who = { aad: 'aad-files-resend', name: 'Rene Resend' };
    await confirmed(who, 'Teams Resend Course');
    nock(FILE_HOST).persist().get('/d/again.pdf').reply(200, () => Buffer.from(pdfBytes()), { 'content-type': 'application/pdf' });
    const activity = fileActivity(who, 'again.pdf', `${FILE_HOST}/d/again.pdf`);
    await postActivity(teams.port, activity);
    await postActivity(teams.port, activity);
    expect(sent).toHaveLength(1);
    expect(await proofsOn('Teams Resend Course')).toBe(1);
  });

  it('in a channel, a file.download.info sent with an @mention is not downloaded: certificates go to personal chat', async () => {
    const download = nock(FILE_HOST).get(/.*/).reply(200, Buffer.from(pdfBytes()));
    const channel = { conversation: { id: '19:files@thread.tacv2', conversationType: 'channel', tenantId: TENANT }, entities: [{ type: 'mention', mentioned: { id: '28:recert-bot' }, text: '<at>Recert</at>' }] };
    const activity = { ...fileActivity({ aad: 'aad-files-channel' }, 'cert.pdf', `${FILE_HOST}/d/cert.pdf`, '<at>Recert</at> here'), ...channel };
    await postActivity(teams.port, activity);
    expect(download.isDone()).toBe(false);
    expect(lastCard()).toContain('Certificates go to our personal chat');
  });
});
