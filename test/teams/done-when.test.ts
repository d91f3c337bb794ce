import nock from 'nock';
import { describe, expect, it, vi } from 'vitest';
import { nudgesCommand } from '../../adapters/cli/commands/nudges.ts';
import { teamsOutbound } from '../../adapters/teams/outbound.ts';
import { identify } from '../../src/use-cases/identify.ts';
import { saveCredential } from '../../src/use-cases/save-credential.ts';
import { pdfBytes } from '../builders/files.ts';
import type { TeamsConfig } from '../../adapters/teams/config.ts';
import { cardOfCall, fakeConnector, interceptEntraToken, OUT_APP_ID } from '../support/teams/connector.ts';
import { actionData, cardAction, cardText, messageActivity, postActivity, uniqueId, useTestTeams, type Who } from '../support/teams/harness.ts';
import { useTestDatabase } from '../support/test-database.ts';

const database = useTestDatabase();

const TENANT = 'tenant-story';
const MARIA: Who = { tenant: TENANT, aad: 'aad-maria', name: 'Maria Manager' };
const SAM: Who = { tenant: TENANT, aad: 'aad-sam', name: 'Sam Scribe' };
const FILE_HOST = 'https://contoso-my.sharepoint.com';
/** The bot's credentials for the reminder run (a single-tenant bot of this tenant). */
const STORY_CONFIG: TeamsConfig = { mode: 'authenticated', appId: OUT_APP_ID, appPassword: 'app-secret', appType: 'SingleTenant', tenantId: TENANT };
const quiet = { out: () => {}, err: () => {} };

interface Card {
  readonly body: Record<string, unknown>[];
  readonly actions?: { verb: string; data: Record<string, unknown> }[];
}

/**
 * Issue 9's "Done when", in one story through the real adapter at POST /api/messages (nock at the
 * connector, the token endpoint and SharePoint): the manager installs the app; a scribe logs a
 * training from a message and one from the form card, sees status, undoes one, attaches a
 * certificate; the manager asks who is out of compliance and exports a transcript; a reminder run
 * posts to the reference the install stored.
 */
describe('Teams, issue 9 "Done when" as one story (POST /api/messages)', () => {
  const t = useTestTeams(database);

  const lastCard = (): Card => t.sent.at(-1)?.body.attachments?.[0]?.content as unknown as Card;
  const say = async (who: Who, text: string): Promise<string> => {
    expect((await postActivity(t.teams.port, messageActivity(text, who))).status).toBe(200);
    return cardText(lastCard());
  };
  const press = async (who: Who, data: Record<string, unknown>): Promise<Card> => {
    const answer = JSON.parse((await postActivity(t.teams.port, cardAction(data, who))).body) as { type: string; value: Card };
    expect(answer.type).toBe('application/vnd.microsoft.card.adaptive');
    return answer.value;
  };
  const dataOf = (card: Card, verb: string): Record<string, unknown> => card.actions?.find((a) => a.verb === `recert.${verb}`)?.data ?? {};
  const entries = (status: string): number => Number(/\((\d+) entr(?:y|ies)/.exec(status)?.[1] ?? NaN);

  it('install, log (message and form), status, undo, certificate; who is out of compliance, export; a reminder run posts to the stored reference', async () => {
    // The manager installs the app in personal scope: the reference is stored, and they administer the tenant.
    const install = { ...messageActivity('', MARIA), id: uniqueId('inst'), type: 'installationUpdate', action: 'add', text: undefined };
    expect((await postActivity(t.teams.port, install)).status).toBe(200);

    // A scribe logs from a message and presses Confirm.
    expect(await say(SAM, 'log "Story Webinar on Coding" webinar 60 min yesterday')).toContain('Story Webinar on Coding');
    expect(cardText(await press(SAM, actionData(t.sent.at(-1), 'confirm')))).toContain('Logged entry');
    // …and from the form card: `log`, fill it in, Preview, Confirm.
    await say(SAM, 'log');
    const preview = await press(SAM, { ...actionData(t.sent.at(-1), 'log-form-submit'), title: 'Story Form Course', completedOn: '2026-11-20', minutes: '45', kind: 'wbt' });
    expect(cardText(preview)).toContain('Story Form Course');
    const logged = await press(SAM, dataOf(preview, 'confirm'));
    expect(cardText(logged)).toContain('Logged entry');
    expect(entries(await say(SAM, 'status'))).toBe(2);
    // Undo on the form entry's card; status counts one.
    expect(cardText(await press(SAM, dataOf(logged, 'undo')))).toContain('Story Form Course');
    expect(entries(await say(SAM, 'status'))).toBe(1);

    // A certificate sent in personal chat attaches to the remaining entry.
    const url = `${FILE_HOST}/personal/sam/_layouts/15/download.aspx?UniqueId=u1&tempauth=t`;
    nock(FILE_HOST, { badheaders: ['authorization'] }).get('/personal/sam/_layouts/15/download.aspx').query(true).reply(200, Buffer.from(pdfBytes()));
    const file = { contentType: 'application/vnd.microsoft.teams.file.download.info', name: 'story-cert.pdf', content: { downloadUrl: url, uniqueId: 'u1', fileType: 'pdf' } };
    await postActivity(t.teams.port, messageActivity('', SAM, { attachments: [file] }));
    expect(cardText(lastCard())).toMatch(/story-cert\.pdf[\s\S]*Story Webinar on Coding|Story Webinar on Coding[\s\S]*story-cert\.pdf/);

    // The manager asks who is out of compliance (Sam has no certificate on file), then exports a transcript.
    const report = await say(MARIA, 'who is out of compliance?');
    expect(report).toMatch(/out of compliance/i);
    expect(report).toContain('Sam Scribe');
    expect(lastCard().actions?.some((a) => a.verb === 'recert.person-details')).toBe(true);
    await say(MARIA, 'export transcript');
    // The files are made by the export worker after the turn answered "Preparing…": wait for its card.
    const consentCards = () => t.sent.flatMap((s) => s.body.attachments ?? []).filter((a) => a.contentType === 'application/vnd.microsoft.teams.card.file.consent');
    await vi.waitFor(() => expect(consentCards()).toHaveLength(1), { timeout: 30_000, interval: 100 });
    const consent = consentCards();
    expect(consent[0]?.content).toMatchObject({ acceptContext: { tenant: TENANT } });

    // A reminder run posts the manager's certificate reminder into the personal chat the install stored.
    const { actor } = await identify(t.teams.deps, { platform: 'teams', organisationExternalId: TENANT, organisationName: TENANT, organisationTimeZone: 'UTC', userExternalId: 'aad-maria', displayName: 'Maria Manager', timeZone: 'UTC', source: 'teams' });
    await saveCredential(t.teams.deps, actor, { number: 'CMSS-7070', issuedOn: '2026-04-10', expiresOn: '2027-04-10' });
    nock.cleanAll();
    interceptEntraToken(TENANT);
    const calls = fakeConnector(() => 0);
    const now = t.teams.deps.clock.now().set({ year: 2027, month: 3, day: 11, hour: 9, minute: 0 });
    expect(await nudgesCommand(t.teams.deps, { sub: 'run', now, org: null }, quiet, [teamsOutbound(STORY_CONFIG, t.teams.deps, { draw: null })])).toBe(0);
    const toMaria = calls.filter((c) => c.kind === 'post' && c.conversationId === 'a:personal-aad-maria');
    expect(toMaria.length).toBeGreaterThan(0);
    expect(toMaria.map((c) => cardText(cardOfCall(c))).join(' ')).toContain('CMSS-7070');
    expect(calls.some((c) => c.kind === 'create' && JSON.stringify(c.body).includes('aad-maria'))).toBe(false);
  }, 90_000);
});
