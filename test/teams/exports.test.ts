import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { cardText, eventually, messageActivity, postActivity, SERVICE_URL, TENANT, useTestTeams, type Who } from '../support/teams/harness.ts';
import { useTestDatabase } from '../support/test-database.ts';

const database = useTestDatabase();

const ONEDRIVE = 'https://contoso-my.sharepoint.com';
const CONSENT = 'application/vnd.microsoft.teams.card.file.consent';
const CHANNEL = { conversation: { id: '19:exports@thread.tacv2', conversationType: 'channel', tenantId: TENANT }, entities: [{ type: 'mention', mentioned: { id: '28:recert-bot' }, text: '<at>Recert</at>' }] };

interface ConsentCard {
  readonly name: string;
  readonly content: { sizeInBytes: number; acceptContext: Record<string, unknown>; declineContext: Record<string, unknown> };
}

interface Put {
  readonly range: string | undefined;
  readonly bytes: Buffer;
}

/** The fileConsent/invoke Teams posts when the person presses Allow or Decline on a consent card. */
function consentInvoke(who: Who, action: 'accept' | 'decline', context: Record<string, unknown>, session = 'session-1'): Record<string, unknown> {
  const base = messageActivity('', who);
  const uploadInfo = { name: 'transcript.pdf', uploadUrl: `${ONEDRIVE}/personal/x/_api/v2.0/drive/uploadSession/${session}`, contentUrl: `${ONEDRIVE}/personal/x/Documents/Applications/Recert/transcript.pdf`, uniqueId: `unique-${session}`, fileType: 'pdf' };
  return { ...base, type: 'invoke', name: 'fileConsent/invoke', text: undefined, value: { type: 'fileUpload', action, context, ...(action === 'accept' ? { uploadInfo } : {}) } };
}

/** Record the PUTs to one upload session. */
function interceptUpload(session: string): Put[] {
  const puts: Put[] = [];
  nock(ONEDRIVE)
    .persist()
    .put(`/personal/x/_api/v2.0/drive/uploadSession/${session}`)
    .reply(201, async (req: Request) => {
      puts.push({ range: req.headers.get('content-range') ?? undefined, bytes: Buffer.from(await req.arrayBuffer()) });
      return { id: 'item-1' };
    });
  return puts;
}

describe('Teams exports by file consent card, and private results from a channel (POST /api/messages)', () => {
  const t = useTestTeams(database);

  /** The consent cards sent (to one person's personal chat): an export worker of an earlier test may still be posting. */
  const consentCards = (who?: Who): ConsentCard[] =>
    t.sent.filter((s) => !who || s.path.includes(`/conversations/a:personal-${who.aad}/`)).flatMap((s) => (s.body.attachments ?? []).filter((a) => a.contentType === CONSENT) as unknown as ConsentCard[]);

  async function exported(who: Who): Promise<ConsentCard> {
    await postActivity(t.teams.port, messageActivity('cert CMSS-4411 issued 2026-01-15', who));
    t.sent.length = 0;
    await postActivity(t.teams.port, messageActivity('export transcript', who));
    // Made by the export worker after the turn answered "Preparing…".
    return eventually(() => consentCards(who)[0]);
  }

  it('`export transcript` offers the PDF by a file consent card; Allow PUTs the bytes to the upload session and sends a file info card; once', async () => {
    const who = { aad: 'aad-export-ok', name: 'Olga Export' };
    const card = await exported(who);
    expect(card.name).toBe('transcript-olga-export-2026-11-27.pdf');
    const mine = t.sent.filter((s) => s.path.includes(`/conversations/a:personal-${who.aad}/`));
    expect(cardText(mine[0]?.body.attachments?.[0]?.content)).toContain('Preparing your transcript…');
    expect(cardText(mine[1]?.body.attachments?.[0]?.content)).toContain('press Allow on the file card within 15 minutes');
    t.sent.length = 0;
    const puts = interceptUpload('session-1');
    const accepted = await postActivity(t.teams.port, consentInvoke(who, 'accept', card.content.acceptContext));
    expect(accepted.status).toBe(200);
    expect(puts).toHaveLength(1);
    expect(puts[0]?.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(puts[0]?.bytes.length).toBe(card.content.sizeInBytes);
    expect(puts[0]?.range).toBe(`bytes 0-${card.content.sizeInBytes - 1}/${card.content.sizeInBytes}`);
    expect(t.sent.at(-1)?.body.attachments?.[0]).toMatchObject({ contentType: 'application/vnd.microsoft.teams.card.file.info', name: 'transcript.pdf', content: { uniqueId: 'unique-session-1', fileType: 'pdf' } });
    // Allowed again (a resend, a second click): nothing is uploaded twice.
    await postActivity(t.teams.port, consentInvoke(who, 'accept', card.content.acceptContext));
    expect(puts).toHaveLength(1);
    expect(cardText(t.sent.at(-1)?.body.attachments?.[0]?.content)).toContain('no longer waiting for you');
  }, 60_000);

  it('Decline deletes the offer with a friendly note; a later Allow uploads nothing', async () => {
    const who = { aad: 'aad-export-decline', name: 'Dee Decline' };
    const card = await exported(who);
    const puts = interceptUpload('session-2');
    const declined = await postActivity(t.teams.port, consentInvoke(who, 'decline', card.content.declineContext));
    expect(declined.status).toBe(200);
    expect(cardText(t.sent.at(-1)?.body.attachments?.[0]?.content)).toContain("No problem: I didn't save the file anywhere");
    await postActivity(t.teams.port, consentInvoke(who, 'accept', card.content.acceptContext, 'session-2'));
    expect(puts).toHaveLength(0);
  }, 60_000);

  it('another person, or a person of another tenant, cannot take the offer', async () => {
    const card = await exported({ aad: 'aad-export-owner', name: 'Owen Owner' });
    const puts = interceptUpload('session-3');
    await postActivity(t.teams.port, consentInvoke({ aad: 'aad-export-thief', name: 'Theo' }, 'accept', card.content.acceptContext, 'session-3'));
    await postActivity(t.teams.port, consentInvoke({ aad: 'aad-export-owner', tenant: 'tenant-b' }, 'accept', { ...card.content.acceptContext, tenant: 'tenant-b' }, 'session-3'));
    expect(puts).toHaveLength(0);
    // Still waiting for its owner.
    await postActivity(t.teams.port, consentInvoke({ aad: 'aad-export-owner', name: 'Owen Owner' }, 'accept', card.content.acceptContext, 'session-3'));
    expect(puts).toHaveLength(1);
  }, 60_000);

  it('an upload URL that is not SharePoint or OneDrive is not used', async () => {
    const who = { aad: 'aad-export-host', name: 'Hope Host' };
    const card = await exported(who);
    const evil = nock('https://collector.example').put(/.*/).reply(201);
    const invoke = consentInvoke(who, 'accept', card.content.acceptContext);
    const value = invoke.value as { uploadInfo: Record<string, unknown> };
    await postActivity(t.teams.port, { ...invoke, value: { ...value, uploadInfo: { ...value.uploadInfo, uploadUrl: 'https://collector.example/upload' } } });
    expect(evil.isDone()).toBe(false);
    expect(cardText(t.sent.at(-1)?.body.attachments?.[0]?.content)).toContain("isn't your OneDrive");
  }, 60_000);

  it('in a channel, an export and a scribe\'s own status go to their personal chat (created by the connector); the channel gets a short note', async () => {
    const who = { aad: 'aad-export-channel', name: 'Cleo Channel' };
    await postActivity(t.teams.port, messageActivity('cert CMSS-4412 issued 2026-01-15', who));
    const created: unknown[] = [];
    nock(SERVICE_URL.replace(/\/amer\/$/, ''))
      .persist()
      .post(/^\/amer\/v3\/conversations\/?(\?.*)?$/)
      .reply(200, async (req: Request) => {
        created.push(JSON.parse(await req.text()));
        return { id: 'a:personal-cleo' };
      });
    t.sent.length = 0;
    await postActivity(t.teams.port, messageActivity('<at>Recert</at> export transcript', who, CHANNEL));
    expect(created[0]).toMatchObject({ isGroup: false, members: [{ id: '29:aad-export-channel' }], tenantId: TENANT });
    // The note now; the consent card from the export worker, into the same personal chat (opened again: Teams answers with the same one).
    const personal = () => t.sent.filter((s) => s.path.includes('/conversations/a:personal-cleo/'));
    expect(cardText(personal()[0]?.body.attachments?.[0]?.content)).toContain('Preparing your transcript…');
    await eventually(() => personal().find((s) => s.body.attachments?.[0]?.contentType === CONSENT));
    expect(created.slice(1)).toEqual([expect.objectContaining({ isGroup: false, members: [expect.objectContaining({ id: '29:aad-export-channel' })], tenantId: TENANT })]);
    const inChannel = t.sent.filter((s) => s.path.includes('19:exports@thread.tacv2'));
    expect(inChannel).toHaveLength(1);
    expect(cardText(inChannel[0]?.body.attachments?.[0]?.content)).toContain('I sent my answer to our personal chat');
    expect(JSON.stringify(inChannel)).not.toContain('transcript.pdf');
    t.sent.length = 0;
    await postActivity(t.teams.port, messageActivity('<at>Recert</at> status', who, CHANNEL));
    expect(cardText(t.sent.find((s) => s.path.includes('a:personal-cleo'))?.body.attachments?.[0]?.content)).toContain('CMSS-4412');
    expect(t.sent.filter((s) => s.path.includes('19:exports@thread.tacv2')).map((s) => cardText(s.body.attachments?.[0]?.content))).toEqual([expect.stringContaining('personal chat')]);
  }, 60_000);
});
