import { beforeEach, describe, expect, it } from 'vitest';
import { converse } from '../../src/chat/converse.ts';
import type { Actor } from '../../src/domain/people.ts';
import type { Reply } from '../../src/replies.ts';
import { confirmDraft } from '../../src/use-cases/confirm-draft.ts';
import { saveCredential } from '../../src/use-cases/save-credential.ts';
import { givenActor } from '../builders/actor.ts';
import { testDeps, type TestDeps } from '../builders/deps.ts';
import { useTestDatabase } from '../support/test-database.ts';
import { expectKind } from './helpers.ts';

const database = useTestDatabase();

// Issue 10: "never lose what the person said", through converse() (the terminal and Slack's shared core).
describe('several previews waiting at once', () => {
  let deps: TestDeps;
  let actor: Actor;

  beforeEach(async () => {
    deps = testDeps(database.current.db, '2026-11-27T15:00:00Z');
    actor = await givenActor(deps, { timeZone: 'America/Chicago' });
    await saveCredential(deps, actor, { number: 'CMSS-7227', issuedOn: '2026-01-15' });
  });

  // A minute between messages, as in a real conversation (the previews are numbered by when they were opened).
  const say = async (text: string): Promise<Reply[]> => {
    deps.clock.advance({ minutes: 1 });
    return converse(deps, actor, text);
  };
  const kinds = (replies: Reply[]) => replies.map((r) => r.kind);
  const titles = async () => {
    const history = expectKind((await say('history'))[0] ?? { kind: 'help', topic: 'all' }, 'history');
    return history.entries.map((e) => e.title).sort();
  };

  async function twoPreviews(): Promise<[string, string]> {
    const a = expectKind((await say('log "MLN Course A" 45 min yesterday'))[0] ?? { kind: 'help', topic: 'all' }, 'training-preview');
    const second = await say('log "MLN Course B" 30 min yesterday');
    expect(kinds(second)).toEqual(['training-preview', 'drafts-waiting']);
    expect(second[1]).toMatchObject({ reason: 'also', drafts: [{ number: 1, title: 'MLN Course A' }, { number: 2, title: 'MLN Course B' }] });
    const b = expectKind(second[0] ?? { kind: 'help', topic: 'all' }, 'training-preview');
    return [a.draftId, b.draftId];
  }

  it('asks which one a plain "yes" means, and logs neither until told', async () => {
    await twoPreviews();
    const replies = await say('yes');
    expect(replies).toEqual([expect.objectContaining({ kind: 'drafts-waiting', reason: 'which', answer: 'confirm' })]);
    expect(await titles()).toEqual([]);
  });

  it.each([
    ['yes to A', 'no to B', ['MLN Course A']],
    ['yes 1', 'yes', ['MLN Course A', 'MLN Course B']],
    ['yes to "MLN Course B"', 'nah', ['MLN Course B']],
    ['no 1', 'yep 👍', ['MLN Course B']],
    ['confirm #2', 'yes to MLN Course A', ['MLN Course A', 'MLN Course B']],
    // The review of issue 10: "that", "it", "the last one" name the newest preview (the one just shown).
    ['cancel that', 'yes', ['MLN Course A']],
    ['log that', 'no', ['MLN Course B']],
    ['yes to the first one', 'scratch that', ['MLN Course A']],
  ])('%j then %j logs %j', async (first, second, logged) => {
    await twoPreviews();
    const afterFirst = await say(first);
    // The one left is named, so it is not forgotten.
    expect(kinds(afterFirst)).toEqual([/^(no|cancel|scratch)/.test(first) ? 'draft-cancelled' : 'training-logged', 'drafts-waiting']);
    const afterSecond = await say(second);
    expect(kinds(afterSecond)).toEqual([/^(n|scratch)/.test(second) ? 'draft-cancelled' : 'training-logged']);
    expect(await titles()).toEqual(logged);
  });

  it('keeps each preview answerable by its own button', async () => {
    const [a, b] = await twoPreviews();
    expectKind(await confirmDraft(deps, actor, { draftId: b }), 'training-logged');
    expectKind(await confirmDraft(deps, actor, { draftId: a }), 'training-logged');
    expect(await titles()).toEqual(['MLN Course A', 'MLN Course B']);
  });

  it('asks again when a name fits none of them', async () => {
    await twoPreviews();
    expect(kinds(await say('yes to Course Z'))).toEqual(['drafts-waiting']);
    expect(await titles()).toEqual([]);
  });
});

describe('an answer to "How long was …?" fills the pending entry', () => {
  let deps: TestDeps;
  let actor: Actor;

  beforeEach(async () => {
    deps = testDeps(database.current.db, '2026-11-27T15:00:00Z');
    actor = await givenActor(deps, { timeZone: 'America/Chicago' });
    await saveCredential(deps, actor, { number: 'CMSS-7337', issuedOn: '2026-01-15' });
  });

  it.each([
    ['about an hour I think', 60, true],
    ['it was 45 min', 45, false],
    ['0.1 CEU', 60, false],
    ['29:59', 29, false],
    ['45', 45, false],
    ['took me about 50 minutes', 50, true],
    ['roughly 1.5 hours', 90, true],
  ])('%j → %i min, title and date kept', async (answer, minutes, approximate) => {
    expect((await converse(deps, actor, 'log "MLN Hospice Basics" yesterday'))[0]).toMatchObject({ kind: 'question', ask: 'length' });
    const [reply, ...rest] = await converse(deps, actor, answer);
    expect(rest).toEqual([]);
    expect(reply).toMatchObject({ kind: 'training-preview', preview: { title: 'MLN Hospice Basics', completedOn: '2026-11-26', minutes } });
    expect(expectKind(reply ?? { kind: 'help', topic: 'all' }, 'training-preview').preview.warnings.some((w) => w.code === 'approximate-length')).toBe(approximate);
  });

  it('starts a new training only for a message that clearly is one, keeping the question open', async () => {
    await converse(deps, actor, 'log "MLN Hospice Basics" yesterday');
    deps.clock.advance({ minutes: 1 });
    const replies = await converse(deps, actor, 'MLN webinar "Telehealth Billing" 30 min today');
    expect(replies.map((r) => r.kind)).toEqual(['training-preview', 'drafts-waiting']);
    expect(replies[0]).toMatchObject({ preview: { title: 'Telehealth Billing', minutes: 30 } });
    expect(replies[1]).toMatchObject({ drafts: [{ title: 'MLN Hospice Basics', ready: false }, { title: 'Telehealth Billing', ready: true }] });
  });
});

describe('a preview left waiting, across a restart', () => {
  it('is mentioned once the next time the person speaks', async () => {
    const before = testDeps(database.current.db, '2026-11-27T15:00:00Z');
    const actor = await givenActor(before, { timeZone: 'America/Chicago' });
    await converse(before, actor, 'log "MLN Course A" 45 min yesterday');
    // A new process: new dependencies, the same database, an hour later.
    const after = testDeps(database.current.db, '2026-11-27T16:00:00Z');
    const replies = await converse(after, actor, 'hi');
    expect(replies.map((r) => r.kind)).toEqual(['greeting', 'drafts-waiting']);
    expect(replies[1]).toMatchObject({ reason: 'reminder', drafts: [{ number: 1, title: 'MLN Course A', ready: true }] });
    expect((await converse(after, actor, 'status')).map((r) => r.kind)).toEqual(['status']);
    expect((await converse(after, actor, 'yes')).map((r) => r.kind)).toEqual(['training-logged']);
  });
});
