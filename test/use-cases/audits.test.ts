import { sql } from 'kysely';
import { beforeEach, describe, expect, it } from 'vitest';
import { converse } from '../../src/chat/converse.ts';
import type { Actor } from '../../src/domain/people.ts';
import type { Reply } from '../../src/replies.ts';
import { chooseAuditItem } from '../../src/use-cases/audit/attach-for-item.ts';
import { startAudit } from '../../src/use-cases/audit/start-audit.ts';
import { attachProof } from '../../src/use-cases/attach-proof.ts';
import { saveCredential } from '../../src/use-cases/save-credential.ts';
import { pdfBytes } from '../builders/files.ts';
import { givenOrganisation } from '../builders/organisation.ts';
import { testDeps, type TestDeps } from '../builders/deps.ts';
import { useTestDatabase } from '../support/test-database.ts';
import { expectKind, logged } from './helpers.ts';

const database = useTestDatabase();

async function say(deps: TestDeps, actor: Actor, text: string): Promise<Reply[]> {
  return converse(deps, actor, text);
}

async function last(deps: TestDeps, actor: Actor, text: string): Promise<Reply> {
  const replies = await say(deps, actor, text);
  return replies[0] as Reply;
}

async function auditEvents(deps: TestDeps, organisationId: string): Promise<string[]> {
  const rows = await sql<{ action: string }>`select action from audit_events where organisation_id = ${organisationId} and (action like 'audit.%' or action = 'access.refused') order by occurred_at, id`.execute(deps.db.withoutPlugins());
  return rows.rows.map((r) => r.action);
}

describe('audits: sample, request, answer, remind, close', () => {
  let deps: TestDeps;
  let admin: Actor;
  let ana: Actor;
  let ben: Actor;
  let carla: Actor;
  let join: (name: string) => Promise<Actor>;

  beforeEach(async () => {
    deps = testDeps(database.current.db, '2026-11-27T15:00:00Z');
    const org = await givenOrganisation(deps);
    ({ admin, join } = org);
    ana = await join('Ana');
    ben = await join('Ben');
    carla = await join('Carla');
    await saveCredential(deps, ana, { number: 'CMSS-1', issuedOn: '2026-01-15' });
    await saveCredential(deps, ben, { number: 'CMSS-2', issuedOn: '2026-03-01' });
    await saveCredential(deps, carla, { number: 'CMSS-3', issuedOn: '2026-06-01', expiresOn: '2027-06-01' });
    await logged(deps, ana, 'MLN webinar "Telehealth Billing" 45 min yesterday');
    const seq = await logged(deps, ana, 'MLN webinar "Coding Basics" 60 min 2026-11-20');
    await attachProof(deps, ana, { fileName: 'coding.pdf', bytes: pdfBytes('coding'), seq });
    await logged(deps, ben, 'MLN webinar "Fraud and Abuse" 30 min yesterday');
  });

  it('refuses a scribe politely, naming the admins, and audits the refusal', async () => {
    const reply = await last(deps, ana, 'audit start 25%');
    expect(reply).toMatchObject({ kind: 'error', code: 'forbidden', details: { permission: 'run-audits', admins: 'Dana Admin' } });
    expect(await auditEvents(deps, ana.organisationId)).toEqual(['access.refused']);
    expect(await last(deps, ana, 'audit status')).toMatchObject({ kind: 'error', code: 'forbidden' });
  });

  it('samples everyone with a certificate at 100%, requests entries without proof privately, and records the seed', async () => {
    const replies = await say(deps, admin, 'audit start 100% seed 42');
    const started = expectKind(replies[0] as Reply, 'audit-started');
    expect(started.audit).toMatchObject({ seed: 42, percent: 100, candidates: 3, startedBy: 'Dana Admin', startedOn: '2026-11-27' });
    expect(started.counts).toEqual({ people: 3, peopleAnswered: 1, items: 3, answered: 1, outstanding: 2, waived: 0 });
    // The admin has no certificate: not a candidate. Carla has no entries: sampled, nothing to send.
    expect(started.people.map((p) => [p.displayName, p.outstanding])).toEqual([['Ana', 1], ['Ben', 1], ['Carla', 0]]);
    const notices = replies.slice(1).map((r) => expectKind(r, 'notify'));
    expect(notices.map((n) => n.to.displayName)).toEqual(['Ana', 'Ben']);
    const toAna = expectKind(notices[0]?.message as Reply, 'audit-request');
    expect(toAna).toMatchObject({ auditor: 'Dana Admin', reminder: false });
    expect(toAna.items.map((i) => i.title)).toEqual(['Telehealth Billing']);
    expect(await auditEvents(deps, admin.organisationId)).toEqual(['audit.started', 'audit.requested', 'audit.requested']);
  });

  it('draws the same sample again from the recorded seed', async () => {
    const first = expectKind(await startAudit(deps, admin, { percent: 50, seed: 1234 }), 'audit-started');
    await say(deps, admin, 'audit close');
    const again = expectKind(await startAudit(deps, admin, { percent: 50, seed: first.audit.seed }), 'audit-started');
    expect(again.people.map((p) => p.personId).sort()).toEqual(first.people.map((p) => p.personId).sort());
    expect(first.people).toHaveLength(2); // 50% of 3, rounded up
  });

  it('refuses a second open audit in the same scope, saying how to close it; another team may have its own', async () => {
    await say(deps, admin, 'team Night shift add @ana @ben');
    expect(expectKind(await last(deps, admin, 'audit start 25%'), 'audit-started').counts.people).toBe(1);
    expect(await last(deps, admin, 'audit start 50%')).toMatchObject({ kind: 'error', code: 'audit-open', details: { scope: '', startedBy: 'Dana Admin' } });
    expect(expectKind(await last(deps, admin, 'audit start 100% team "Night shift"'), 'audit-started').audit.filters).toEqual({ team: 'Night shift' });
    expect(await last(deps, admin, 'audit status')).toMatchObject({ kind: 'error', code: 'audit-ambiguous' });
    expect(expectKind(await last(deps, admin, 'audit status team "Night shift"'), 'audit-status').people.map((p) => p.displayName).sort()).toEqual(['Ana', 'Ben']);
  });

  it('keeps a team manager to their team, and refuses another team (audited)', async () => {
    await say(deps, admin, 'team Night shift add @ana');
    await say(deps, admin, 'team Day shift add @ben');
    await say(deps, admin, 'role @carla manager of "Night shift"');
    const started = expectKind(await last(deps, carla, 'audit start 100%'), 'audit-started');
    expect(started.people.map((p) => p.displayName)).toEqual(['Ana']);
    expect(await last(deps, carla, 'audit start 100% team "Day shift"')).toMatchObject({ kind: 'error', code: 'forbidden', details: { outOfScope: true } });
    expect(expectKind(await last(deps, carla, 'audit status'), 'audit-status').audit.filters.team).toBe('Night shift');
  });

  it('filters by expiry, and says so when nobody qualifies', async () => {
    const started = expectKind(await last(deps, admin, 'audit start 100% expiring before 2027-02-01'), 'audit-started');
    expect(started.people.map((p) => p.displayName)).toEqual(['Ana']); // expires 2027-01-15
    await say(deps, admin, 'audit close');
    expect(await last(deps, admin, 'audit start 100% expiring before 2026-01-01')).toMatchObject({ kind: 'error', code: 'audit-nobody' });
    expect(await last(deps, admin, 'audit start 0%')).toMatchObject({ kind: 'error', code: 'audit-percent-invalid' });
    expect(await last(deps, admin, 'audit start 10% expiring before 2027-02-30')).toMatchObject({ kind: 'error', code: 'invalid-date' });
  });

  it('a certificate attached to an audited entry answers it; the status shows who has, and close records the summary', async () => {
    await say(deps, admin, 'audit start 100% seed 7');
    const before = expectKind(await last(deps, admin, 'audit status'), 'audit-status');
    expect(before.people.map((p) => p.displayName)).toEqual(['Ana', 'Ben', 'Carla']);
    const attached = expectKind(await attachProof(deps, ana, { fileName: 'tele.pdf', bytes: pdfBytes('tele'), seq: 1 }), 'proof-attached');
    expect(attached.audit).toEqual({ answered: 1, outstanding: 0 });
    const after = expectKind(await last(deps, admin, 'audit status'), 'audit-status');
    expect(after.counts).toMatchObject({ peopleAnswered: 2, answered: 2, outstanding: 1 });
    expect(after.people[0]).toMatchObject({ displayName: 'Ben', outstanding: 1 });
    const reminded = await say(deps, admin, 'audit remind');
    expect(expectKind(reminded[0] as Reply, 'audit-reminded').reminded).toEqual([{ displayName: 'Ben', outstanding: 1 }]);
    expect(reminded.slice(1).map((r) => expectKind(r, 'notify').to.displayName)).toEqual(['Ben']);
    expect(expectKind(expectKind(reminded[1] as Reply, 'notify').message, 'audit-request').reminder).toBe(true);
    const closed = expectKind(await last(deps, admin, 'audit close failed note "Ben sent nothing"'), 'audit-closed');
    expect(closed).toMatchObject({ outcome: 'failed', note: 'Ben sent nothing', counts: { people: 3, peopleAnswered: 2, items: 3, answered: 2, outstanding: 1 } });
    const stored = await sql<{ outcome: string; summary: { outstanding: number; outstandingPeople: string[] } }>`select outcome, summary from audits where organisation_id = ${admin.organisationId}`.execute(deps.db.withoutPlugins());
    expect(stored.rows[0]).toMatchObject({ outcome: 'failed', summary: { outstanding: 1, outstandingPeople: ['Ben'] } });
    expect(await last(deps, admin, 'audit close')).toMatchObject({ kind: 'error', code: 'audit-none-open' });
    // Closed: a late certificate no longer changes the audit.
    expect(expectKind(await attachProof(deps, ben, { fileName: 'fraud.pdf', bytes: pdfBytes('fraud'), seq: 1 }), 'proof-attached').audit).toBeUndefined();
    expect(await auditEvents(deps, admin.organisationId)).toEqual(['audit.started', 'audit.requested', 'audit.requested', 'audit.viewed', 'audit.item.answered', 'audit.viewed', 'audit.reminded', 'audit.closed']);
  });

  it('"Attach certificate" makes the next file without an entry go to that item; a colleague cannot answer it', async () => {
    const replies = await say(deps, admin, 'audit start 100%');
    const toAna = expectKind(expectKind(replies[1] as Reply, 'notify').message, 'audit-request');
    const itemId = toAna.items[0]?.itemId ?? '';
    await logged(deps, ana, 'MLN webinar "Later Course" 30 min today'); // now her latest entry
    expect(await chooseAuditItem(deps, ben, itemId).catch((e: unknown) => e)).toMatchObject({ code: 'audit-item-not-found' });
    expect(expectKind(await chooseAuditItem(deps, ana, itemId), 'audit-attach-ready').item).toMatchObject({ seq: 1, title: 'Telehealth Billing' });
    const attached = expectKind(await attachProof(deps, ana, { fileName: 'tele.pdf', bytes: pdfBytes('tele') }), 'proof-attached');
    expect(attached.training.seq).toBe(1);
    expect(attached.audit).toEqual({ answered: 1, outstanding: 0 });
    // Answered: pressing again says it is no longer open; a file without an entry goes to the latest again.
    expect(await chooseAuditItem(deps, ana, itemId).catch((e: unknown) => e)).toMatchObject({ code: 'audit-item-not-found' });
    expect(expectKind(await attachProof(deps, ana, { fileName: 'later.pdf', bytes: pdfBytes('later') }), 'proof-attached').training.seq).toBe(3);
    expect((await auditEvents(deps, admin.organisationId)).filter((a) => a === 'access.refused')).toHaveLength(1);
  });

  it("another organisation's audit item id does nothing", async () => {
    const replies = await say(deps, admin, 'audit start 100%');
    const itemId = expectKind(expectKind(replies[1] as Reply, 'notify').message, 'audit-request').items[0]?.itemId ?? '';
    const other = await givenOrganisation(deps, 'Olga Admin');
    const eve = await other.join('Eve');
    expect(await chooseAuditItem(deps, eve, itemId).catch((e: unknown) => e)).toMatchObject({ code: 'audit-item-not-found' });
    expect(await chooseAuditItem(deps, eve, 'not-a-uuid').catch((e: unknown) => e)).toMatchObject({ code: 'audit-item-not-found' });
    expect(await last(deps, other.admin, 'audit status')).toMatchObject({ kind: 'error', code: 'audit-none-open' });
    const awaiting = await sql<{ n: string }>`select count(*) as n from audit_items where organisation_id = ${admin.organisationId} and awaiting_at is not null`.execute(deps.db.withoutPlugins());
    expect(Number(awaiting.rows[0]?.n)).toBe(0);
  });

  it('two audits started at once in the same scope: one opens, the other is told (many times over)', async () => {
    for (let round = 0; round < 8; round += 1) {
      const results = await Promise.all([startAudit(deps, admin, { percent: 50 }).catch((e: unknown) => e), startAudit(deps, admin, { percent: 50 }).catch((e: unknown) => e)]);
      expect(results.filter((r) => (r as Reply).kind === 'audit-started')).toHaveLength(1);
      expect(results.filter((r) => (r as { code?: string }).code === 'audit-open')).toHaveLength(1);
      await say(deps, admin, 'audit close');
    }
  });
});
