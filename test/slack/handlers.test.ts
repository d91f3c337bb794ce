import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
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
  it('acks before anything else, then answers through response_url', async () => {
    const steps: Step[] = [];
    const handler = ceuCommand(testRuntime(testDeps(database.current.db)));
    await handler(commandArgs('help', steps) as unknown as CommandArgs);
    expect(steps[0]).toEqual({ kind: 'ack', body: undefined });
    const responses = steps.filter((s) => s.kind === 'respond');
    expect(responses.length).toBeGreaterThan(0);
    expect(JSON.stringify(responses.at(-1))).toContain('/ceu log');
  });

  it('opens the modal for `/ceu` alone without touching the database (the trigger lives 3 s)', async () => {
    const steps: Step[] = [];
    const handler = ceuCommand(testRuntime(testDeps(unreachableDb)));
    await handler(commandArgs('', steps, { triggerId: 'trigger-modal' }) as unknown as CommandArgs);
    expect(steps.map((s) => (s.kind === 'api' ? s.method : s.kind))).toEqual(['ack', 'views.open']);
    expect(steps[1]).toMatchObject({ args: { trigger_id: 'trigger-modal' } });
  });

  it('answers a duplicate delivery of the same command once', async () => {
    const steps: Step[] = [];
    const handler = ceuCommand(testRuntime(testDeps(database.current.db)));
    const args = commandArgs('status', steps, { triggerId: 'trigger-twice' });
    await handler(args as unknown as CommandArgs);
    const answered = steps.filter((s) => s.kind === 'respond').length;
    await handler(args as unknown as CommandArgs);
    expect(steps.filter((s) => s.kind === 'ack')).toHaveLength(2);
    expect(steps.filter((s) => s.kind === 'respond')).toHaveLength(answered);
  });

  it('still acks when the database is down, and tells the person with a reference', async () => {
    const steps: Step[] = [];
    const handler = ceuCommand(testRuntime(testDeps(unreachableDb)));
    await handler(commandArgs('status', steps) as unknown as CommandArgs);
    expect(steps[0]?.kind).toBe('ack');
    expect(JSON.stringify(steps.at(-1))).toContain('reference ref-test');
  });
});
