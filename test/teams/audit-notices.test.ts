import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { saveTeamsConversation } from '../../src/db/repositories/teams-conversations.ts';
import { actionData, BOT, cardAction, cardText, messageActivity, postActivity, SERVICE_URL, useTestTeams, type SentActivity, type Who } from '../support/teams/harness.ts';
import { useTestDatabase } from '../support/test-database.ts';

const database = useTestDatabase();

const TENANT = 'tenant-notices';
const admin = { tenant: TENANT, aad: 'aad-notices-admin', name: 'Mona Manager' };
const ana = { tenant: TENANT, aad: 'aad-notices-ana', name: 'Ana Audited' };
const ben = { tenant: TENANT, aad: 'aad-notices-ben', name: 'Ben Stored' };
const cy = { tenant: TENANT, aad: 'aad-notices-cy', name: 'Cy Blocked' };
const BEN_CHAT = 'a:personal-stored-ben';
/** Ben's chat was stored from another region: his requests must go through its service URL, not the turn's. */
const EMEA_URL = 'https://smba.emea.test.invalid/emea/';

/** The connector at EMEA_URL, recording every activity posted there. */
function interceptEmea(): SentActivity[] {
  const sent: SentActivity[] = [];
  nock('https://smba.emea.test.invalid')
    .persist()
    .post(/^\/emea\/v3\/conversations\/.*\/activities/)
    .reply(200, async (req: Request) => {
      sent.push({ path: decodeURIComponent(new URL(req.url).pathname), body: JSON.parse(await req.text()) as SentActivity['body'] });
      return { id: `emea-${sent.length}` };
    });
  return sent;
}

interface Created {
  readonly members: { id: string }[];
  readonly tenantId?: string;
}

/** The connector's createConversation: a personal chat `a:created-<member>`, except Cy's, which Teams refuses (403). */
function interceptCreate(): Created[] {
  const created: Created[] = [];
  nock(SERVICE_URL.replace(/\/amer\/$/, ''))
    .persist()
    .post(/^\/amer\/v3\/conversations\/?(\?.*)?$/)
    .reply(async (req: Request) => {
      const body = (await req.json()) as Created;
      created.push(body);
      const member = body.members[0]?.id ?? '';
      return member === cy.aad ? [403, { error: { code: 'BotDisabledByAdmin', message: 'blocked' } }] : [201, { id: `a:created-${member}` }];
    });
  return created;
}

const inConversation = (sent: readonly SentActivity[], id: string) => sent.filter((s) => s.path.startsWith(`/amer/v3/conversations/${id}/activities`));
const texts = (sent: readonly SentActivity[]) => sent.map((s) => cardText(s.body.attachments?.[0]?.content));

describe('Teams: an audit\'s requests (notify replies) go to each sampled person\'s own personal chat (POST /api/messages)', () => {
  const t = useTestTeams(database);

  async function logged(who: Who, title: string): Promise<void> {
    await postActivity(t.teams.port, messageActivity(`log "${title}" webinar 60 min yesterday`, who));
    await postActivity(t.teams.port, cardAction(actionData(t.sent.at(-1), 'confirm'), who));
  }

  it('audit start by a manager: each scribe gets the request card in their own chat (stored, or opened and stored), none in the manager\'s; the manager is told who was reached', async () => {
    // The tenant's first person is its admin.
    await postActivity(t.teams.port, messageActivity('status', admin));
    for (const [who, title, cert] of [[ana, 'Notice Course A', 771], [ben, 'Notice Course B', 772], [cy, 'Notice Course C', 773]] as const) {
      await postActivity(t.teams.port, messageActivity(`cert CMSS-${cert} issued 2026-01-15`, who));
      await logged(who, title);
    }
    // Ben's personal chat is stored (the app installed in his personal scope earlier).
    const db = database.current.db;
    const org = await db.selectFrom('organisations').select('id').where('platform', '=', 'teams').where('external_id', '=', TENANT).executeTakeFirstOrThrow();
    const reference = JSON.stringify({ channelId: 'msteams', serviceUrl: EMEA_URL, bot: { id: BOT }, conversation: { id: BEN_CHAT, conversationType: 'personal', tenantId: TENANT } });
    await saveTeamsConversation(db, { organisationId: org.id, conversationId: BEN_CHAT, conversationType: 'personal', serviceUrl: EMEA_URL, tenantId: TENANT, botId: BOT, aadObjectId: ben.aad, reference }, new Date('2026-11-27T14:00:00Z'));
    const created = interceptCreate();
    const emea = interceptEmea();
    t.sent.length = 0;

    expect((await postActivity(t.teams.port, messageActivity('audit start 100% seed 1234', admin))).status).toBe(200);

    // Ana: a personal chat opened for her Entra id in the tenant; Ben: his stored chat, nothing created; Cy: refused.
    expect(created.map((c) => c.members[0]?.id).sort()).toEqual([ana.aad, cy.aad]);
    expect(created[0]).toMatchObject({ tenantId: TENANT });
    const toAna = inConversation(t.sent, `a:created-${ana.aad}`);
    // Ben's request went to his chat's own region (EMEA), none through the turn's (AMER).
    expect(inConversation(t.sent, BEN_CHAT)).toHaveLength(0);
    const toBen = emea.filter((s) => s.path.startsWith(`/emea/v3/conversations/${BEN_CHAT}/activities`));
    expect(emea).toHaveLength(1);
    expect(toAna).toHaveLength(1);
    expect(toBen).toHaveLength(1);
    expect(texts(toAna)[0]).toContain('Notice Course A');
    expect(texts(toBen)[0]).toContain('Notice Course B');
    expect(texts(toBen)[0]).not.toContain('Notice Course A');
    // The request's Attach certificate button is made for the recipient's tenant.
    expect(actionData(toAna[0], 'audit-attach')).toMatchObject({ tenant: TENANT });
    // The manager's chat: the audit and the summary; no request card, none of the scribes' entries.
    const toManager = inConversation(t.sent, `a:personal-${admin.aad}`);
    const managerText = texts(toManager).join(' | ');
    expect(managerText).toContain('Audit of the whole organisation');
    expect(managerText).toContain('I sent the request privately to 2 of the 3 people, in their personal chat with Recert.');
    expect(managerText).toContain("I couldn't reach Cy Blocked");
    expect(managerText).not.toMatch(/Notice Course/);
    expect(t.sent).toHaveLength(toAna.length + toManager.length);

    // Ana's chat was stored: `audit remind` posts there again without opening another.
    created.length = 0;
    t.sent.length = 0;
    emea.length = 0;
    await postActivity(t.teams.port, messageActivity('audit remind', admin));
    expect(created.map((c) => c.members[0]?.id)).toEqual([cy.aad]);
    expect(inConversation(t.sent, `a:created-${ana.aad}`)).toHaveLength(1);
    expect(inConversation(t.sent, BEN_CHAT)).toHaveLength(0);
    expect(emea.map((s) => s.path)).toEqual([`/emea/v3/conversations/${BEN_CHAT}/activities`]);
    expect(texts(inConversation(t.sent, `a:personal-${admin.aad}`)).join(' ')).toContain("I couldn't reach Cy Blocked");
  }, 60_000);
});
