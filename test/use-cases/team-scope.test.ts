import { sql } from 'kysely';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/domain/people.ts';
import type { Reply } from '../../src/replies.ts';
import { asReply } from '../../src/chat/converse.ts';
import { chooseAuditItem } from '../../src/use-cases/audit/attach-for-item.ts';
import { getHistory } from '../../src/use-cases/get-history.ts';
import { getStatus } from '../../src/use-cases/get-status.ts';
import { getEvidencePack } from '../../src/use-cases/paperwork/evidence-pack.ts';
import { getTranscript } from '../../src/use-cases/paperwork/transcript.ts';
import { answerQuestion } from '../../src/use-cases/question-answers.ts';
import { getComplianceReport } from '../../src/use-cases/report/compliance-report.ts';
import { exportComplianceReport } from '../../src/use-cases/report/export-report.ts';
import { givenOrganisation } from '../builders/organisation.ts';
import { testDeps, type TestDeps } from '../builders/deps.ts';
import { useTestDatabase } from '../support/test-database.ts';
import { expectKind, logged, say, storedRows } from './helpers.ts';

/**
 * Review of issue 7: a manager limited to a team neither sees nor acts on anyone outside it —
 * typed (`report team …`, `status @x`, `roster set @x`, audits, exports) or crafted (a Details or
 * question button's person id, a report page button's team, an audit item id).
 */
const database = useTestDatabase();

describe('a team manager stays in their team, whatever the request carries', () => {
  let deps: TestDeps;
  let admin: Actor;
  let mia: Actor;
  let cal: Actor;

  beforeEach(async () => {
    deps = testDeps(database.current.db, '2026-11-27T15:00:00Z');
    const org = await givenOrganisation(deps);
    admin = org.admin;
    const ana = await org.join('Ana');
    cal = await org.join('Cal');
    mia = await org.join('Mia');
    await say(deps, ana, 'cert CMSS-1 issued 2026-02-01');
    await say(deps, cal, 'cert CMSS-2 issued 2026-02-01');
    await logged(deps, cal, 'MLN webinar "Cal Course" 45 min 2026-03-01');
    await say(deps, admin, 'team "Night shift" add @ana');
    await say(deps, admin, 'team Day add @cal');
    await say(deps, admin, 'role @mia manager of "Night shift"');
  });

  it('`report team` of a team not theirs is refused and audited, not shown as an empty team; their own is shown', async () => {
    expect(await say(deps, mia, 'report team Day')).toMatchObject({ kind: 'error', code: 'forbidden', details: { subject: 'Team Day', outOfScope: true, admins: 'Dana Admin' } });
    // A report page button carrying another team's name (crafted): the same refusal.
    expect(await asReply(() => getComplianceReport(deps, mia, { team: 'Day' }, 2))).toMatchObject({ kind: 'error', code: 'forbidden' });
    const refusals = await sql<{ n: string }>`select count(*) as n from audit_events where organisation_id = ${mia.organisationId} and action = 'access.refused' and actor_person_id = ${mia.personId}`.execute(deps.db.withoutPlugins());
    expect(Number(refusals.rows[0]?.n)).toBe(2);
    const own = expectKind(await say(deps, mia, 'report team "Night shift"'), 'compliance-report');
    expect(own.rows.map((r) => r.displayName)).toEqual(['Ana']);
    expect((await exportComplianceReport(deps, mia)).rows.map((r) => r.displayName)).toEqual(['Ana']);
    expect(expectKind(await say(deps, admin, 'report team Day'), 'compliance-report').rows.map((r) => r.displayName)).toEqual(['Cal']);
  }, 120_000);

  it("typed or crafted, nothing of Cal's is shown or changed", async () => {
    await say(deps, admin, 'audit start 100% team "Day" seed 5');
    const item = await sql<{ id: string }>`select id from audit_items where organisation_id = ${cal.organisationId} and person_id = ${cal.personId}`.execute(deps.db.withoutPlugins());
    const itemId = item.rows[0]?.id ?? '';
    expect(itemId).not.toBe('');
    const before = await storedRows(deps, cal);
    const about = { ref: { personId: cal.personId } };
    const attempts: Record<string, () => Promise<unknown>> = {
      'status @Cal': () => say(deps, mia, 'status @cal'),
      'history @Cal': () => say(deps, mia, 'history @cal'),
      'roster set': () => say(deps, mia, 'roster set @cal fee paid'),
      'roster remove': () => say(deps, mia, 'roster remove @cal'),
      'roster add (already on it)': () => say(deps, mia, 'roster add @cal'),
      'export transcript @Cal': () => say(deps, mia, 'export transcript @cal'),
      'audit of Day': () => say(deps, mia, 'audit status team Day'),
      'audit close of Day': () => say(deps, mia, 'audit close passed team Day'),
      'Details button': () => getStatus(deps, mia, about),
      'history button': () => getHistory(deps, mia, 1, about),
      'transcript by id': () => getTranscript(deps, mia, about, 'csv'),
      'pack by id': () => getEvidencePack(deps, mia, about),
      'fee anyway button for Cal': () => answerQuestion(deps, mia, 'fee-anyway', { amountCents: 100, paidOn: '2026-11-01', personId: cal.personId }),
      "Cal's audit item": () => chooseAuditItem(deps, mia, itemId),
    };
    for (const [label, attempt] of Object.entries(attempts)) {
      const reply = await asReply(async () => (await attempt()) as Reply);
      expect(reply.kind, label).toBe('error');
      expect(JSON.stringify(reply), label).not.toMatch(/CMSS-2|Cal Course/);
    }
    const after = await storedRows(deps, cal);
    expect({ ...after, audit_events: [] }).toEqual({ ...before, audit_events: [] });
    const added = (after.audit_events ?? []).slice((before.audit_events ?? []).length).map((e) => (e as { action: string }).action);
    expect(new Set(added)).toEqual(new Set(['access.refused']));
  }, 120_000);
});
