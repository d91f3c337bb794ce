import { describe, expect, it } from 'vitest';
import { cardAction, cardText, messageActivity, postActivity, useTestTeams } from '../support/teams/harness.ts';
import { useTestDatabase } from '../support/test-database.ts';

/**
 * Issue 6 on Teams: tenant, user and conversation ids holding control characters, or of absurd
 * lengths, are refused at the edge (POST /api/messages): in words when the bot can still answer,
 * 400 when the answer itself would need the id; nothing is stored either way.
 */
const database = useTestDatabase();

async function rows(): Promise<{ organisations: number; people: number; conversations: number; claims: number }> {
  const db = database.current.db;
  const orgs = (await db.selectFrom('organisations').select('id').execute()).map((o) => o.id);
  const inOrgs = async (table: 'people' | 'teams_conversations') =>
    orgs.length ? Number((await db.selectFrom(table).select((eb) => eb.fn.countAll<string>().as('n')).where('organisation_id', 'in', orgs).executeTakeFirstOrThrow()).n) : 0;
  const claims = Number((await db.selectFrom('processed_inbound').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
  return { organisations: orgs.length, people: await inOrgs('people'), conversations: await inOrgs('teams_conversations'), claims };
}

const withAad = (activity: Record<string, unknown>, aadObjectId: string) => ({ ...activity, from: { id: '29:someone', name: 'Sam Someone', aadObjectId } });
const withTenant = (activity: Record<string, unknown>, tenant: string) => ({ ...activity, conversation: { ...(activity.conversation as object), tenantId: tenant }, channelData: { tenant: { id: tenant } } });

describe('Teams: unreadable ids are refused at the edge, nothing stored (POST /api/messages)', () => {
  const t = useTestTeams(database);

  it.each([
    ['a NUL in the Entra object id', withAad(messageActivity('status', { aad: 'aad-ok-0' }), 'aad-bad\u0000id'), 'Entra object id', 'control character'],
    ['a U+0001 in the tenant id', withTenant(messageActivity('status', { aad: 'aad-ok-1' }), 'tenant\u0001x'), 'tenant id', 'control character'],
    ['a newline in the user id', { ...messageActivity('status', { aad: 'aad-ok-2' }), from: { id: '29:a\nb', name: 'Nia', aadObjectId: 'aad-ok-2' } }, 'user id', 'control character'],
    ['a 5,000-character tenant id', withTenant(messageActivity('status', { aad: 'aad-ok-3' }), 't'.repeat(5000)), 'tenant id', 'far longer'],
    ['a 5,000-character Entra object id', withAad(messageActivity('status', { aad: 'aad-ok-9' }), 'a'.repeat(5000)), 'Entra object id', 'far longer'],
  ])('a message with %s is answered with what is wrong', async (_what, activity, field, why) => {
    const before = await rows();
    const result = await postActivity(t.teams.port, activity);
    expect(result.status).toBe(200);
    expect(t.sent).toHaveLength(1);
    const answer = cardText(t.sent[0]?.body.attachments?.[0]?.content);
    expect(answer).toMatch(new RegExp(`with an? ${field} I can't read`));
    expect(answer).toContain(why);
    expect(answer).toContain('stored nothing');
    expect(answer).not.toMatch(/went wrong/i);
    expect(await rows()).toEqual(before);
  });

  it('a card action with a control character in the user\'s Entra id gets the sentence as its card, nothing stored', async () => {
    const before = await rows();
    const data = { action: 'see-status', ids: {}, tenant: 'tenant-a', nonce: 'n-bad-1' };
    const result = await postActivity(t.teams.port, withAad(cardAction(data, { aad: 'aad-ok-10' }), 'aad\u0007bell'));
    expect(result.status).toBe(200);
    const body = JSON.parse(result.body) as { statusCode: number; type: string; value: unknown };
    expect(body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
    expect(cardText(body.value)).toContain("Entra object id I can't read (it holds an invisible control character)");
    expect(t.sent).toHaveLength(0);
    expect(await rows()).toEqual(before);
  });

  it.each([
    ['a NUL in the conversation id', { ...messageActivity('status', { aad: 'aad-ok-4' }), conversation: { id: 'a:chat\u0000x', conversationType: 'personal', tenantId: 'tenant-a' } }, 'conversation id'],
    ['a 5,000-character conversation id', { ...messageActivity('status', { aad: 'aad-ok-5' }), conversation: { id: `a:${'c'.repeat(5000)}`, conversationType: 'personal', tenantId: 'tenant-a' } }, 'conversation id'],
    ['a newline in the activity id', { ...messageActivity('status', { aad: 'aad-ok-6' }), id: 'act\nx' }, 'activity id'],
    ['a numeric bot id', { ...messageActivity('status', { aad: 'aad-ok-7' }), recipient: { id: 42 } }, 'bot id'],
  ])('%s gets 400 (no reply is possible) and nothing is sent or stored', async (_what, activity, field) => {
    const before = await rows();
    const result = await postActivity(t.teams.port, activity);
    expect(result.status).toBe(400);
    expect(result.body).toContain(`the activity's ${field} cannot be read`);
    expect(t.sent).toHaveLength(0);
    expect(await rows()).toEqual(before);
  });

  it('an install with a control character in the tenant id stores no conversation and answers nothing', async () => {
    const before = await rows();
    const install = { ...withTenant(messageActivity('', { aad: 'aad-ok-8' }), 'ten\u0000ant'), type: 'installationUpdate', action: 'add', text: undefined };
    const result = await postActivity(t.teams.port, install);
    expect(result.status).toBe(200);
    expect(t.sent).toHaveLength(0);
    expect(await rows()).toEqual(before);
    expect(t.teams.deps.log.lines.some((l) => l.message === 'teams activity refused: unreadable id')).toBe(true);
  });

  it('the same person with readable ids is answered as usual', async () => {
    const result = await postActivity(t.teams.port, messageActivity('status', { aad: 'aad-readable' }));
    expect(result.status).toBe(200);
    expect(cardText(t.sent[0]?.body.attachments?.[0]?.content)).not.toContain("can't read");
  });
});
