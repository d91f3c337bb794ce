import { randomUUID } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { answerIfPending } from '../../src/chat/answer-pending.ts';
import { converse } from '../../src/chat/converse.ts';
import { interpret } from '../../src/chat/interpret.ts';
import type { Actor } from '../../src/domain/people.ts';
import { confirmDraft } from '../../src/use-cases/confirm-draft.ts';
import { logTraining } from '../../src/use-cases/log-training.ts';
import { saveCredential } from '../../src/use-cases/save-credential.ts';
import { givenActor } from '../builders/actor.ts';
import { testDeps, type TestDeps } from '../builders/deps.ts';
import { failingDb } from '../fakes/failing-db.ts';
import { fixedClock } from '../fakes/fixed-clock.ts';
import { RecordingLogger } from '../fakes/recording-logger.ts';
import { useTestDatabase } from '../support/test-database.ts';
import { expectKind } from './helpers.ts';

const database = useTestDatabase();

const SOMEONE: Actor = { organisationId: randomUUID(), personId: randomUUID(), displayName: 'Dana', role: 'scribe', timeZone: 'America/Chicago', source: 'shell' };

describe('answering a pending question', () => {
  it.each(['45', 'an hour', 'Telehealth billing basics'])('lets a database failure through when %j might be an answer, instead of reading it as "nothing waiting"', async (text) => {
    const outage = failingDb();
    const deps = { db: outage.db, clock: fixedClock('2026-11-27T15:00:00Z'), log: new RecordingLogger() };
    await expect(answerIfPending(deps, SOMEONE, interpret(text), text, {})).rejects.toThrow(/ECONNREFUSED/);
    await expect(converse(deps, SOMEONE, text)).rejects.toThrow(/ECONNREFUSED/);
    expect(outage.attempts()).toBeGreaterThan(0);
  });

  it('does not look for a draft when the message is a command', async () => {
    const outage = failingDb();
    const deps = { db: outage.db, clock: fixedClock('2026-11-27T15:00:00Z'), log: new RecordingLogger() };
    expect(await answerIfPending(deps, SOMEONE, interpret('help'), 'help', {})).toBeNull();
    expect(outage.attempts()).toBe(0);
  });

  describe('on the database', () => {
    let deps: TestDeps;
    let actor: Actor;

    beforeEach(async () => {
      deps = testDeps(database.current.db, '2026-11-27T15:00:00Z');
      actor = await givenActor(deps, { timeZone: 'America/Chicago' });
      await saveCredential(deps, actor, { number: 'CMSS-6006', issuedOn: '2026-01-15' });
    });

    it('reads a message as new when nothing is waiting', async () => {
      expect(await answerIfPending(deps, actor, interpret('45'), '45', {})).toBeNull();
      expect(await converse(deps, actor, '45')).toEqual([{ kind: 'not-understood', text: '45' }]);
    });

    it('answers the open question', async () => {
      expectKind(await logTraining(deps, actor, 'MLN webinar "Pending Answer" yesterday'), 'question');
      expect(await answerIfPending(deps, actor, interpret('45'), '45', {})).toMatchObject({ kind: 'training-preview', preview: { minutes: 45 } });
    });

    it('reads a new training in a thread whose preview was already logged as new, not as an error', async () => {
      expectKind(await logTraining(deps, actor, 'MLN webinar "First In Thread" 45 min yesterday', { anchor: 'D1:1.0' }), 'training-preview');
      expectKind(await confirmDraft(deps, actor, { anchor: 'D1:1.0' }), 'training-logged');
      const [reply] = await converse(deps, actor, 'MLN webinar "Second In Thread" 30 min yesterday', { anchor: 'D1:1.0' });
      expect(reply).toMatchObject({ kind: 'training-preview', preview: { title: 'Second In Thread' } });
    });

    it('reads a message as new when the thread\'s question is too old to answer', async () => {
      expectKind(await logTraining(deps, actor, 'MLN webinar "Old Question" yesterday', { anchor: 'D1:2.0' }), 'question');
      deps.clock.advance({ hours: 25 });
      const [reply] = await converse(deps, actor, 'MLN webinar "Fresh One" 30 min today', { anchor: 'D1:2.0' });
      expect(reply).toMatchObject({ kind: 'training-preview', preview: { title: 'Fresh One' } });
    });
  });
});
