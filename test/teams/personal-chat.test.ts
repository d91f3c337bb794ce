import { describe, expect, it } from 'vitest';
import { actionData, cardAction, cardText, messageActivity, postActivity, TENANT, useTestTeams } from '../support/teams/harness.ts';
import { useTestDatabase } from '../support/test-database.ts';

const database = useTestDatabase();

/** Entries of that title in any Teams organisation (each tenant's, scoped as the tenant guard wants). */
async function trainingsTitled(title: string): Promise<number> {
  const db = database.current.db;
  const orgs = await db.selectFrom('organisations').select('id').where('platform', '=', 'teams').execute();
  if (!orgs.length) return 0;
  const row = await db.selectFrom('trainings').select((eb) => eb.fn.countAll<string>().as('n')).where('trainings.organisation_id', 'in', orgs.map((o) => o.id)).where('title', '=', title).executeTakeFirstOrThrow();
  return Number(row.n);
}

describe('Teams personal chat through POST /api/messages (dev mode, nock at the connector)', () => {
  const t = useTestTeams(database);

  it('answers a message with Adaptive Cards replied to the activity, identifying the person by tenant and Entra id', async () => {
    const activity = messageActivity('log "Teams Billing Basics" webinar 90 min yesterday');
    const result = await postActivity(t.teams.port, activity);
    expect(result.status).toBe(200);
    expect(t.sent.map((s) => s.path)).toEqual([`/amer/v3/conversations/a:personal-aad-dana/activities/${String(activity.id)}`, `/amer/v3/conversations/a:personal-aad-dana/activities/${String(activity.id)}`]);
    const [welcome, preview] = t.sent;
    expect(welcome?.body.attachments?.[0]?.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(cardText(welcome?.body.attachments?.[0]?.content)).toContain('Dana Scribe');
    expect(cardText(preview?.body.attachments?.[0]?.content)).toContain('Teams Billing Basics');
    expect(t.sent.some((s) => s.body.type === 'typing')).toBe(false);
    const person = await database.current.db.selectFrom('people').innerJoin('organisations', 'organisations.id', 'people.organisation_id').select(['organisations.platform', 'organisations.external_id', 'people.platform_user_id', 'people.time_zone']).where('people.platform_user_id', '=', 'aad-dana').where('people.organisation_id', 'is not', null).executeTakeFirstOrThrow();
    expect(person).toEqual({ platform: 'teams', external_id: TENANT, platform_user_id: 'aad-dana', time_zone: 'America/Chicago' });
  });

  it('a resent activity (same id) is answered once', async () => {
    const activity = messageActivity('status');
    await postActivity(t.teams.port, activity);
    // The status, and (once) a reminder of the preview the first test left waiting.
    const answered = t.sent.length;
    expect(answered).toBeGreaterThan(0);
    await postActivity(t.teams.port, activity);
    expect(t.sent).toHaveLength(answered);
  });

  it('Confirm on the card logs once (a resend with the same nonce, or a new activity id, changes nothing); Undo undoes once', async () => {
    await postActivity(t.teams.port, messageActivity('log "Card Confirm Course" 45 min yesterday'));
    const confirm = actionData(t.sent.at(-1), 'confirm');
    const first = await postActivity(t.teams.port, cardAction(confirm));
    expect(first.status).toBe(200);
    const answer = JSON.parse(first.body) as { statusCode: number; type: string; value: unknown };
    expect(answer).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
    expect(cardText(answer.value)).toContain('Card Confirm Course');
    // Pressed again (a resent card, or Teams resending the press with a new id): never an empty answer.
    const again = JSON.parse((await postActivity(t.teams.port, cardAction(confirm))).body) as { type: string; value: unknown };
    expect(again.type).toBe('application/vnd.microsoft.card.adaptive');
    const entry = /entry #(\d+)/.exec(cardText(answer.value))?.[1];
    expect(cardText(again.value)).toContain(`Already logged as entry #${entry}`);
    // Teams resending the very same invoke (same activity id) is answered the same way.
    const resent = cardAction(confirm);
    await postActivity(t.teams.port, resent);
    expect(cardText((JSON.parse((await postActivity(t.teams.port, resent)).body) as { value: unknown }).value)).toContain(`Already logged as entry #${entry}`);
    expect(await trainingsTitled('Card Confirm Course')).toBe(1);
    const undo = { ...(answer.value as { actions: { verb: string; data: Record<string, unknown> }[] }).actions.find((a) => a.verb === 'recert.undo')?.data };
    const undone = JSON.parse((await postActivity(t.teams.port, cardAction(undo))).body) as { value: unknown };
    expect(cardText(undone.value)).toMatch(/Card Confirm Course/);
    const twice = JSON.parse((await postActivity(t.teams.port, cardAction(undo))).body) as { type: string; value: unknown };
    expect(twice.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(cardText(twice.value)).toContain("You pressed Undo on this card already, and that entry was taken back then. I didn't undo anything else.");
  });

  it('refuses a person of tenant B acting on a card made for tenant A', async () => {
    await postActivity(t.teams.port, messageActivity('log "Tenant A Course" 30 min yesterday'));
    const confirm = actionData(t.sent.at(-1), 'confirm');
    const refused = JSON.parse((await postActivity(t.teams.port, cardAction(confirm, { tenant: 'tenant-b', aad: 'aad-bob', name: 'Bob' }))).body) as { value: unknown };
    expect(cardText(refused.value)).not.toContain('Tenant A Course');
    expect(await trainingsTitled('Tenant A Course')).toBe(0);
    // Even with the tenant in the data rewritten, B's actor cannot reach A's draft.
    const forged = JSON.parse((await postActivity(t.teams.port, cardAction({ ...confirm, tenant: 'tenant-b', nonce: 'forged' }, { tenant: 'tenant-b', aad: 'aad-bob', name: 'Bob' }))).body) as { value: unknown };
    expect(cardText(forged.value)).not.toContain('Tenant A Course');
    expect(await trainingsTitled('Tenant A Course')).toBe(0);
  });

  it('in a channel answers only when @mentioned, with the mention stripped', async () => {
    const channel = { conversation: { id: '19:general@thread.tacv2', conversationType: 'channel', tenantId: TENANT } };
    await postActivity(t.teams.port, messageActivity('status', {}, channel));
    expect(t.sent).toHaveLength(0);
    const mention = { entities: [{ type: 'mention', mentioned: { id: '28:recert-bot', name: 'Recert' }, text: '<at>Recert</at>' }] };
    await postActivity(t.teams.port, messageActivity('<at>Recert</at> help', {}, { ...channel, ...mention }));
    expect(t.sent).toHaveLength(1);
    expect(t.sent[0]?.path).toContain('/v3/conversations/19:general@thread.tacv2/activities/');
    expect(cardText(t.sent[0]?.body.attachments?.[0]?.content)).not.toContain('<at>');
  });

  it('in a channel, a file sent with an @mention is not downloaded: the person is told certificates go to personal chat', async () => {
    const channel = { conversation: { id: '19:general@thread.tacv2', conversationType: 'channel', tenantId: TENANT } };
    const mention = { entities: [{ type: 'mention', mentioned: { id: '28:recert-bot', name: 'Recert' }, text: '<at>Recert</at>' }] };
    const file = { attachments: [{ contentType: 'reference', contentUrl: 'https://contoso.sharepoint.com/sites/x/cert.pdf', name: 'cert.pdf' }] };
    await postActivity(t.teams.port, messageActivity('<at>Recert</at> my certificate', {}, { ...channel, ...mention, ...file }));
    expect(t.sent).toHaveLength(1);
    expect(cardText(t.sent[0]?.body.attachments?.[0]?.content)).toContain('Certificates go to our personal chat');
  });

  it('refuses a body that is not a JSON object (400)', async () => {
    expect((await postActivity(t.teams.port, 'not an object')).status).toBe(400);
    expect(t.sent).toHaveLength(0);
  });
});
