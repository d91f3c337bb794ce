import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { appendAudit, listAudit } from '../../src/db/repositories/audit.ts';
import { givenActor } from '../builders/actor.ts';
import { testDeps } from '../builders/deps.ts';
import { useTestDatabase } from '../support/test-database.ts';
import type { Actor } from '../../src/domain/people.ts';

const database = useTestDatabase();

describe('audit_events is append-only in the database itself', () => {
  let actor: Actor;
  let eventId: string;

  beforeAll(async () => {
    const deps = testDeps(database.current.db);
    actor = await givenActor(deps);
    eventId = await appendAudit(database.current.db, {
      organisationId: actor.organisationId,
      actorPersonId: actor.personId,
      action: 'training.logged',
      entity: 'training',
      entityId: 'abc',
      before: null,
      after: { minutes: 60 },
      source: 'shell',
      requestId: null,
      occurredAt: new Date('2026-11-27T15:00:00Z'),
    });
  });

  // Raw SQL bypasses the app's tenant guard on purpose: the refusal must come from Postgres.
  it.each([
    ['UPDATE', () => sql`update audit_events set action = 'forged' where id = ${eventId}`],
    ['DELETE', () => sql`delete from audit_events where id = ${eventId}`],
    ['TRUNCATE', () => sql`truncate audit_events`],
  ])('refuses %s', async (operation, statement) => {
    await expect(statement().execute(database.current.db)).rejects.toThrow(new RegExp(`append-only: ${operation} refused`));
    const events = await listAudit(database.current.db, actor.organisationId, 'abc');
    expect(events.map((e) => [e.id, e.action])).toEqual([[eventId, 'training.logged']]);
  });

  it('keeps accepting inserts after a refusal', async () => {
    await appendAudit(database.current.db, {
      organisationId: actor.organisationId,
      actorPersonId: actor.personId,
      action: 'training.deleted',
      entity: 'training',
      entityId: 'abc',
      before: { minutes: 60 },
      after: null,
      source: 'shell',
      requestId: 'req-1',
      occurredAt: new Date('2026-11-27T15:01:00Z'),
    });
    const events = await listAudit(database.current.db, actor.organisationId, 'abc');
    expect(events.map((e) => e.action)).toEqual(['training.logged', 'training.deleted']);
    expect(events[1]?.before).toEqual({ minutes: 60 });
    expect(events[1]?.requestId).toBe('req-1');
  });
});
