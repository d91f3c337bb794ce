import { beforeEach, describe, expect, it } from 'vitest';
import { converse } from '../../src/chat/converse.ts';
import type { Actor } from '../../src/domain/people.ts';
import { saveCredential } from '../../src/use-cases/save-credential.ts';
import { givenActor } from '../builders/actor.ts';
import { testDeps, type TestDeps } from '../builders/deps.ts';
import { useTestDatabase } from '../support/test-database.ts';

const database = useTestDatabase();

async function say(deps: TestDeps, actor: Actor, text: string) {
  const replies = await converse(deps, actor, text);
  return replies.at(-1);
}

// Issue 10: "last month" is asked about, never replaced by today; the answer keeps title and length.
describe('a period that names no day', () => {
  let deps: TestDeps;
  let actor: Actor;

  beforeEach(async () => {
    deps = testDeps(database.current.db, '2026-11-27T15:00:00Z');
    actor = await givenActor(deps, { timeZone: 'America/Chicago' });
    await saveCredential(deps, actor, { number: 'CMSS-7117', issuedOn: '2026-01-15' });
  });

  it.each([
    ['log "MLN Course A" 2.5 hrs last month', 'last month', 'Oct 14', '2026-10-14', 150],
    ['MLN webinar "Hospice Basics" 45 min a few weeks ago', 'a few weeks ago', 'on Nov 3', '2026-11-03', 45],
    ['MLN course "Billing 101" earlier this month, 1 hr', 'earlier this month', '2026-11-02', '2026-11-02', 60],
  ])('%j asks which day, then previews the answer with title and length kept', async (text, words, answer, date, minutes) => {
    expect(await say(deps, actor, text)).toMatchObject({ kind: 'question', ask: 'date', dateText: words });
    expect(await say(deps, actor, answer)).toMatchObject({ kind: 'training-preview', preview: { completedOn: date, dateStated: true, minutes } });
  });

  it.each([
    ['the future', 'Dec 20 2026', 'future-date'],
    ['no day again', 'sometime', 'invalid-date'],
  ])('refuses %s as the answer and keeps asking', async (_name, answer, code) => {
    await say(deps, actor, 'log "MLN Course B" 45 min last month');
    expect(await say(deps, actor, answer)).toMatchObject({ kind: 'error', code });
    expect(await say(deps, actor, 'yesterday')).toMatchObject({ kind: 'training-preview', preview: { completedOn: '2026-11-26' } });
  });
});
