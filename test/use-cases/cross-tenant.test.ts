import { sql } from 'kysely';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/domain/people.ts';
import type { Reply } from '../../src/replies.ts';
import { asReply } from '../../src/chat/converse.ts';
import { attachProof } from '../../src/use-cases/attach-proof.ts';
import { chooseAuditItem } from '../../src/use-cases/audit/attach-for-item.ts';
import { cancelDraft } from '../../src/use-cases/cancel-draft.ts';
import { confirmDraft } from '../../src/use-cases/confirm-draft.ts';
import { getHistory } from '../../src/use-cases/get-history.ts';
import { getStatus } from '../../src/use-cases/get-status.ts';
import { logTraining } from '../../src/use-cases/log-training.ts';
import { getEvidencePack } from '../../src/use-cases/paperwork/evidence-pack.ts';
import { getTranscript } from '../../src/use-cases/paperwork/transcript.ts';
import { answerQuestion } from '../../src/use-cases/question-answers.ts';
import { saveCredential } from '../../src/use-cases/save-credential.ts';
import { undoLast } from '../../src/use-cases/undo.ts';
import { pdfBytes } from '../builders/files.ts';
import { givenOrganisation } from '../builders/organisation.ts';
import { testDeps, type TestDeps } from '../builders/deps.ts';
import { QueryRecorder } from '../fakes/query-recorder.ts';
import { useTestDatabase } from '../support/test-database.ts';
import { expectKind, logged, say, storedRows } from './helpers.ts';

/**
 * Issue 7's cross-tenant test: two organisations, and every use case that takes an id (as a button,
 * a modal's metadata or a file would carry it) called by the first organisation's admin — who may
 * do anything in their own — with the second's ids. Nothing of the second is read (no query is
 * given its organisation id) or written (its rows are as they were), and no reply names its people.
 * Then a scribe's attempts on a colleague's ids in their own organisation.
 */
const database = useTestDatabase();

interface Theirs {
  readonly admin: Actor;
  readonly eve: Actor;
  readonly trainingId: string;
  readonly draftId: string;
  readonly itemId: string;
}

async function idOf(deps: TestDeps, query: ReturnType<typeof sql<{ id: string }>>): Promise<string> {
  const rows = await query.execute(deps.db.withoutPlugins());
  return rows.rows[0]?.id ?? '';
}

/** The second organisation: Eve with a certificate, an entry with proof, an open preview and an audit asking her. */
async function theirOrganisation(deps: TestDeps): Promise<Theirs> {
  const org = await givenOrganisation(deps, 'Olga Admin');
  const eve = await org.join('Eve Secret');
  await saveCredential(deps, eve, { number: 'CMSS-777', issuedOn: '2026-02-01' });
  await logged(deps, eve, 'MLN webinar "Private Course" 45 min on 2026-03-01');
  await logged(deps, eve, 'MLN webinar "Second Private" 30 min on 2026-03-02');
  await attachProof(deps, eve, { fileName: 'eve.pdf', bytes: pdfBytes('eve'), seq: 2 });
  expectKind(await logTraining(deps, eve, 'MLN webinar "Open Preview" 30 min today'), 'training-preview');
  await say(deps, org.admin, 'audit start 100% seed 3');
  const trainingId = await idOf(deps, sql<{ id: string }>`select id from trainings where organisation_id = ${eve.organisationId} order by seq limit 1`);
  const draftId = await idOf(deps, sql<{ id: string }>`select id from drafts where organisation_id = ${eve.organisationId} and status = 'open' limit 1`);
  const itemId = await idOf(deps, sql<{ id: string }>`select id from audit_items where organisation_id = ${eve.organisationId} limit 1`);
  return { admin: org.admin, eve, trainingId, draftId, itemId };
}

/** Every way an id from outside comes in: buttons (draft, undo, details, audit, questions), files, exports. */
function attempts(deps: TestDeps, actor: Actor, t: Theirs): Record<string, () => Promise<unknown>> {
  const about = { ref: { personId: t.eve.personId } };
  return {
    'status (Details button)': () => getStatus(deps, actor, about),
    'history (Details button)': () => getHistory(deps, actor, 1, about),
    'transcript export': () => getTranscript(deps, actor, about, 'pdf'),
    'evidence pack': () => getEvidencePack(deps, actor, about),
    'Confirm button': () => confirmDraft(deps, actor, { draftId: t.draftId }),
    'Cancel button': () => cancelDraft(deps, actor, { draftId: t.draftId }),
    'Undo button': () => undoLast(deps, actor, { trainingId: t.trainingId }),
    'Attach certificate (audit)': () => chooseAuditItem(deps, actor, t.itemId),
    'file for an entry id': () => attachProof(deps, actor, { fileName: 'x.pdf', bytes: pdfBytes('x'), trainingId: t.trainingId }),
    'fee anyway button': () => answerQuestion(deps, actor, 'fee-anyway', { amountCents: 100, paidOn: '2026-11-01', personId: t.eve.personId }),
    'cert anyway button': () => answerQuestion(deps, actor, 'cert-anyway', { number: 'CMSS-1', issuedOn: '2026-11-01', personId: t.eve.personId }),
    'status @name': () => say(deps, actor, 'status @"Eve Secret"'),
    'roster set @name': () => say(deps, actor, 'roster set @"Eve Secret" fee paid'),
    'export pack @name': () => say(deps, actor, 'export pack @"Eve Secret"'),
  };
}

describe('two organisations never see each other (issue 7)', () => {
  let deps: TestDeps;

  beforeEach(() => {
    deps = testDeps(database.current.db, '2026-11-27T15:00:00Z');
  });

  it("an admin calling every use case with the other organisation's ids reads and writes nothing of it", async () => {
    const mine = await givenOrganisation(deps);
    const ana = await mine.join('Ana');
    await logged(deps, ana, 'MLN webinar "Mine" 30 min on 2026-03-01');
    const theirs = await theirOrganisation(deps);
    const before = await storedRows(deps, theirs.admin);
    const recorder = new QueryRecorder();
    const watched = { ...deps, db: deps.db.withPlugin(recorder) };
    for (const [label, attempt] of Object.entries(attempts(watched, mine.admin, theirs))) {
      const reply = await asReply(async () => (await attempt()) as Reply);
      expect(reply.kind, label).toBe('error');
      expect(JSON.stringify(reply), label).not.toMatch(label.includes("@") ? /Private|CMSS-777|Olga/ : /Eve|Private|CMSS-777|Olga/);
    }
    const across = recorder.queries.filter((q) => q.parameters.includes(theirs.admin.organisationId));
    expect(across).toEqual([]);
    expect(await storedRows(deps, theirs.admin)).toEqual(before);
  }, 120_000);

  it("a scribe calling them with a colleague's ids is refused or finds nothing, and changes nothing of theirs", async () => {
    const org = await givenOrganisation(deps);
    const ben = await org.join('Ben');
    // The colleague is in Ben's own organisation, with the same records as above.
    const eve = await org.join('Eve Secret');
    await saveCredential(deps, eve, { number: 'CMSS-777', issuedOn: '2026-02-01' });
    await logged(deps, eve, 'MLN webinar "Private Course" 45 min on 2026-03-01');
    expectKind(await logTraining(deps, eve, 'MLN webinar "Open Preview" 30 min today'), 'training-preview');
    await say(deps, org.admin, 'audit start 100% seed 3');
    const trainingId = await idOf(deps, sql<{ id: string }>`select id from trainings where organisation_id = ${eve.organisationId} and person_id = ${eve.personId} limit 1`);
    const draftId = await idOf(deps, sql<{ id: string }>`select id from drafts where organisation_id = ${eve.organisationId} and person_id = ${eve.personId} and status = 'open' limit 1`);
    const itemId = await idOf(deps, sql<{ id: string }>`select id from audit_items where organisation_id = ${eve.organisationId} and person_id = ${eve.personId} limit 1`);
    const rowsOfEve = async () => {
      const all = await storedRows(deps, eve);
      return Object.fromEntries(Object.entries(all).filter(([table]) => table !== 'audit_events').map(([table, rows]) => [table, rows.filter((r) => (r as { person_id?: string; id?: string }).person_id === eve.personId || (r as { id?: string }).id === eve.personId)]));
    };
    const before = await rowsOfEve();
    for (const [label, attempt] of Object.entries(attempts(deps, ben, { admin: org.admin, eve, trainingId, draftId, itemId }))) {
      const reply = await asReply(async () => (await attempt()) as Reply);
      expect(reply.kind, label).toBe('error');
      expect(JSON.stringify(reply), label).not.toMatch(/Private|CMSS-777/);
    }
    expect(await rowsOfEve()).toEqual(before);
  }, 120_000);

  it('a scribe naming someone who is not on the roster is refused like anyone else, not told who works here', async () => {
    const org = await givenOrganisation(deps);
    const ben = await org.join('Ben');
    await org.join('Ana');
    for (const text of ['status @nobody', 'history @nobody', 'export transcript @nobody', 'export pack @nobody', 'roster set @nobody fee paid', 'roster remove @nobody', 'status @ana', 'roster set @ana fee paid']) {
      const reply = await say(deps, ben, text);
      expect(reply, text).toMatchObject({ kind: 'error', code: 'forbidden', details: { admins: 'Dana Admin' } });
    }
    // Oneself by name is one's own records; a manager is still told the name is unknown.
    expect((await say(deps, ben, 'status @ben')).kind).toBe('status');
    await say(deps, org.admin, 'role @ben manager');
    expect(await say(deps, ben, 'status @nobody')).toMatchObject({ kind: 'error', code: 'person-not-found' });
    expect(await say(deps, ben, 'roster set @nobody fee paid')).toMatchObject({ kind: 'error', code: 'person-not-found' });
  }, 120_000);
});
