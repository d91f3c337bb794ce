import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { NOT_STORED_TEXT } from '../../adapters/slack/inbound/accept.ts';
import { ceuCommand } from '../../adapters/slack/commands/ceu.ts';
import type { Db } from '../../src/db/connection.ts';
import { testDeps } from '../builders/deps.ts';
import { commandArgs, testRuntime, type Step } from '../builders/slack-args.ts';
import { useTestDatabase } from '../support/test-database.ts';

const database = useTestDatabase();

type CommandArgs = SlackCommandMiddlewareArgs & AllMiddlewareArgs;

/** A database that fails every query: proves a path never touches it. */
const unreachableDb = new Proxy({}, { get: () => { throw new Error('the database was touched'); } }) as Db;

describe('the /ceu handler, called directly with built arguments (no server)', () => {
  it('stores the command, acks, and the inbox answers through response_url', async () => {
    const steps: Step[] = [];
    const { rt, drain } = testRuntime(testDeps(database.current.db), steps);
    await ceuCommand(rt)(commandArgs('help', steps) as unknown as CommandArgs);
    expect(steps).toEqual([{ kind: 'ack', body: undefined }]);
    expect(await drain()).toBe(1);
    const responses = steps.filter((s) => s.kind === 'respond');
    expect(responses.length).toBeGreaterThan(0);
    expect(JSON.stringify(responses.at(-1))).toContain('/ceu log');
  });

  it('opens the modal for `/ceu` alone without touching the database (the trigger lives 3 s)', async () => {
    const steps: Step[] = [];
    const { rt } = testRuntime(testDeps(unreachableDb), steps);
    await ceuCommand(rt)(commandArgs('', steps, { triggerId: 'trigger-modal' }) as unknown as CommandArgs);
    expect(steps.map((s) => (s.kind === 'api' ? s.method : s.kind))).toEqual(['ack', 'views.open']);
    expect(steps[1]).toMatchObject({ args: { trigger_id: 'trigger-modal' } });
  });

  it('answers a duplicate delivery of the same command once', async () => {
    const steps: Step[] = [];
    const { rt, drain } = testRuntime(testDeps(database.current.db), steps);
    const args = commandArgs('status', steps, { triggerId: 'trigger-twice' });
    await ceuCommand(rt)(args as unknown as CommandArgs);
    await drain();
    const answered = steps.filter((s) => s.kind === 'respond').length;
    await ceuCommand(rt)(args as unknown as CommandArgs);
    expect(await drain()).toBe(0);
    expect(steps.filter((s) => s.kind === 'ack')).toHaveLength(2);
    expect(steps.filter((s) => s.kind === 'respond')).toHaveLength(answered);
  });

  it('says at once that nothing was done when the command cannot be stored (the database is down)', async () => {
    const steps: Step[] = [];
    const { rt } = testRuntime(testDeps(unreachableDb), steps);
    await ceuCommand(rt)(commandArgs('status', steps) as unknown as CommandArgs);
    expect(steps).toEqual([{ kind: 'ack', body: NOT_STORED_TEXT }]);
  });
});
