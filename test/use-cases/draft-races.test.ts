import { describe, expect, it } from 'vitest';
import type { Actor } from '../../src/domain/people.ts';
import { listTrainings } from '../../src/db/repositories/trainings.ts';
import { asReply } from '../../src/chat/converse.ts';
import type { Reply } from '../../src/replies.ts';
import { cancelDraft } from '../../src/use-cases/cancel-draft.ts';
import { confirmDraft } from '../../src/use-cases/confirm-draft.ts';
import { logTraining } from '../../src/use-cases/log-training.ts';
import { saveCredential } from '../../src/use-cases/save-credential.ts';
import { submitDraftForm } from '../../src/use-cases/submit-draft-form.ts';
import { givenActor } from '../builders/actor.ts';
import { testDeps, type TestDeps } from '../builders/deps.ts';
import { useTestDatabase } from '../support/test-database.ts';
import { expectKind } from './helpers.ts';

/**
 * A preview becomes at most one entry, whichever path gets there first: two Edit forms, a Confirm
 * click racing a form, a new message racing a form. Each race runs many times, on both databases.
 */
const database = useTestDatabase();
const ROUNDS = 15;
const FORM = { title: 'Medicare Billing: 837P (Web-Based Training)', completedOn: '2026-11-20', minutes: '45', kind: 'wbt' } as const;

async function freshPreview(): Promise<{ deps: TestDeps; actor: Actor; draftId: string }> {
  const deps = testDeps(database.current.db, '2026-11-27T15:00:00Z');
  const actor = await givenActor(deps);
  await saveCredential(deps, actor, { number: 'CMSS-2001', issuedOn: '2026-01-15' });
  const preview = expectKind(await logTraining(deps, actor, 'MLN webinar on telehealth billing, 45 min, yesterday'), 'training-preview');
  return { deps, actor, draftId: preview.draftId };
}

async function entriesOf(deps: TestDeps, actor: Actor) {
  return listTrainings(deps.db, actor.organisationId, actor.personId);
}

describe('one preview, at most one entry', () => {
  it('two Edit forms submitted at once log it once; the other is told it is already logged', async () => {
    for (let round = 0; round < ROUNDS; round += 1) {
      const { deps, actor, draftId } = await freshPreview();
      const replies = await Promise.all([1, 2].map(() => asReply(() => submitDraftForm(deps, actor, draftId, FORM))));
      const logged = replies.map((r) => expectKind(r, 'training-logged'));
      expect(logged.filter((r) => !r.alreadyLogged)).toHaveLength(1);
      expect(new Set(logged.map((r) => r.training.seq))).toEqual(new Set([1]));
      expect(await entriesOf(deps, actor)).toHaveLength(1);
    }
  });

  it('a Confirm click racing an Edit form logs once, and the slower one names the entry', async () => {
    for (let round = 0; round < ROUNDS; round += 1) {
      const { deps, actor, draftId } = await freshPreview();
      const [confirmed, submitted] = await Promise.all([asReply(() => confirmDraft(deps, actor, { draftId })), asReply(() => submitDraftForm(deps, actor, draftId, FORM))]);
      const both = [expectKind(confirmed, 'training-logged'), expectKind(submitted, 'training-logged')];
      expect(both.filter((r) => !r.alreadyLogged)).toHaveLength(1);
      expect(both[0]?.training.seq).toBe(both[1]?.training.seq);
      expect(await entriesOf(deps, actor)).toHaveLength(1);
    }
  });

  it('a form is logged even when a new message replaced its preview at the same moment', async () => {
    for (let round = 0; round < ROUNDS; round += 1) {
      const { deps, actor, draftId } = await freshPreview();
      const [form] = await Promise.all([asReply(() => submitDraftForm(deps, actor, draftId, FORM)), logTraining(deps, actor, 'NPC on ESRD quality incentives, 60 min, yesterday')]);
      const logged = expectKind(form, 'training-logged');
      expect(logged.training.title).toBe(FORM.title);
      expect((await entriesOf(deps, actor)).map((t) => t.title)).toEqual([FORM.title]);
    }
  });

  it('Cancel racing Confirm: either nothing is logged and Cancel says so, or Cancel is told it was logged', async () => {
    for (let round = 0; round < ROUNDS; round += 1) {
      const { deps, actor, draftId } = await freshPreview();
      const [cancel, confirm] = await Promise.all([asReply(() => cancelDraft(deps, actor, { draftId })), asReply(() => confirmDraft(deps, actor, { draftId }))]);
      const entries = await entriesOf(deps, actor);
      if (entries.length === 1) {
        expect(codeOf(cancel)).toBe('draft-already-logged');
        expect(confirm.kind).toBe('training-logged');
      } else {
        expect(entries).toHaveLength(0);
        expect(cancel.kind).toBe('draft-cancelled');
        expect(codeOf(confirm)).toBe('draft-not-found');
      }
    }
  });

  it('a form for somebody else\'s preview is refused and logs nothing', async () => {
    const { deps, draftId } = await freshPreview();
    const colleague = await givenActor(deps, { name: 'Colleague' });
    const reply = await asReply(() => submitDraftForm(deps, colleague, draftId, FORM));
    expect(codeOf(reply)).toBe('draft-not-found');
    expect(await entriesOf(deps, colleague)).toHaveLength(0);
  });
});

function codeOf(reply: Reply): string | null {
  return reply.kind === 'error' ? reply.code : null;
}
