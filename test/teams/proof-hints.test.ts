import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { pdfBytes } from '../builders/files.ts';
import { actionData, cardAction, cardText, messageActivity, postActivity, uniqueId, useTestTeams, type Who } from '../support/teams/harness.ts';
import { useTestDatabase } from '../support/test-database.ts';

const database = useTestDatabase();

const FILE_HOST = 'https://contoso-my.sharepoint.com';

/** A PDF t.sent in personal chat with no words, as Teams delivers it (a pre-authenticated SharePoint downloadUrl), served once by nock. */
function servedFile(who: Who, name: string): Record<string, unknown> {
  const path = `/personal/x/_layouts/15/download.aspx`;
  nock(FILE_HOST).get(path).query(true).reply(200, Buffer.from(pdfBytes()), { 'content-type': 'application/octet-stream' });
  const file = { contentType: 'application/vnd.microsoft.teams.file.download.info', contentUrl: `${FILE_HOST}/personal/x/Documents/${name}`, name, content: { downloadUrl: `${FILE_HOST}${path}?UniqueId=u1&tempauth=t`, uniqueId: 'u1', fileType: 'pdf' } };
  return messageActivity('', who, { attachments: [file] });
}

/** Teams words how a certificate is attached its own way: files reach the bot in personal chat, not in a thread. */
describe('Teams: how to attach a certificate (POST /api/messages; nock at the connector)', () => {
  const t = useTestTeams(database);

  it('the logged card after Confirm says to send the file in personal chat, never "in this thread"', async () => {
    const who = { aad: 'aad-hint-logged', name: 'Hana Hint' };
    await postActivity(t.teams.port, messageActivity('log "Teams Hint Course" webinar 60 min yesterday', who));
    const answer = await postActivity(t.teams.port, cardAction(actionData(t.sent.at(-1), 'confirm'), who));
    expect(answer.status).toBe(200);
    const logged = cardText(JSON.parse(answer.body));
    expect(logged).toContain('Teams Hint Course');
    expect(logged).toMatch(/Send me the certificate file \(PDF, PNG or JPEG\) in our personal chat, attached to a message with no other words: I attach it to entry #1/);
    expect(logged).not.toContain('in this thread');
    expect(logged).not.toContain('Share the certificate');
  });

  /** The audit item asking for the entry of that title, and how many live proofs that entry has. */
  async function itemOf(title: string): Promise<{ id: string; awaiting: boolean; proofs: number }> {
    const db = database.current.db;
    const orgs = (await db.selectFrom('organisations').select('id').where('platform', '=', 'teams').execute()).map((o) => o.id);
    const item = await db
      .selectFrom('audit_items')
      .innerJoin('trainings', 'trainings.id', 'audit_items.training_id')
      .select(['audit_items.id', 'audit_items.awaiting_at', 'trainings.id as trainingId'])
      .where('audit_items.organisation_id', 'in', orgs)
      .where('trainings.organisation_id', 'in', orgs)
      .where('trainings.title', '=', title)
      .executeTakeFirstOrThrow();
    const proofs = await db.selectFrom('training_proofs').select('id').where('organisation_id', 'in', orgs).where('training_id', '=', item.trainingId).where('removed_at', 'is', null).execute();
    return { id: item.id, awaiting: item.awaiting_at !== null, proofs: proofs.length };
  }

  async function logged(who: Who, title: string): Promise<void> {
    await postActivity(t.teams.port, messageActivity(`log "${title}" webinar 60 min yesterday`, who));
    await postActivity(t.teams.port, cardAction(actionData(t.sent.at(-1), 'confirm'), who));
  }

  const attachPress = (itemId: string, tenant: string) => ({ action: 'audit-attach', ids: { itemId }, tenant, nonce: uniqueId('nonce') });

  it("an audit's Attach certificate goes through the core: Teams wording, the choice recorded, the next file attached to that entry", async () => {
    // A tenant of their own: its first person (Dana) is its admin.
    const tenant = 'tenant-hint-audit';
    const admin = { tenant, aad: 'aad-hint-admin', name: 'Dana Admin' };
    const ana = { tenant, aad: 'aad-hint-ana', name: 'Ana Audited' };
    await postActivity(t.teams.port, messageActivity('status', admin));
    // Audits sample the entries of the current cycle, which starts with the certificate.
    await postActivity(t.teams.port, messageActivity('cert CMSS-9 issued 2026-01-15', ana));
    await logged(ana, 'Teams Audit Older');
    await logged(ana, 'Teams Audit Newer');
    await postActivity(t.teams.port, messageActivity('audit start 100% seed 1234', admin));
    expect(t.sent.map((a) => cardText(a.body.attachments?.[0]?.content)).join(' ')).toContain('Audit of the whole organisation');
    const older = await itemOf('Teams Audit Older');
    expect(older.awaiting).toBe(false);

    // A colleague pressing Ana's button finds nothing and records nothing.
    const refused = cardText(JSON.parse((await postActivity(t.teams.port, cardAction(attachPress(older.id, tenant), admin))).body));
    expect(refused).not.toContain('I attach it');
    expect((await itemOf('Teams Audit Older')).awaiting).toBe(false);

    const ready = cardText(JSON.parse((await postActivity(t.teams.port, cardAction(attachPress(older.id, tenant), ana))).body));
    expect(ready).toMatch(/Send me the certificate file \(PDF, PNG or JPEG\) in our personal chat, attached to a message: I attach it to entry #\d+\./);
    expect(ready).not.toContain('Share the certificate');
    expect((await itemOf('Teams Audit Older')).awaiting).toBe(true);

    // The file goes to the entry asked about, not to the latest one.
    expect((await postActivity(t.teams.port, servedFile(ana, 'older.pdf'))).status).toBe(200);
    expect((await itemOf('Teams Audit Older')).proofs).toBe(1);
    expect((await itemOf('Teams Audit Newer')).proofs).toBe(0);
  });

  it('help on attaching, in Teams, says personal chat, not a thread or a DM', async () => {
    const answered = t.sent.length;
    await postActivity(t.teams.port, messageActivity('help proof', { aad: 'aad-hint-help', name: 'Hal Help', tenant: 'tenant-hint-help' }));
    const help = t.sent.slice(answered).map((a) => cardText(a.body.attachments?.[0]?.content)).join(' ');
    expect(help).toContain('Send me the certificate file (PDF, PNG or JPEG, 10 MB at most) in our personal chat');
    expect(help).not.toMatch(/in our DM|entry's thread/);
  });
});
