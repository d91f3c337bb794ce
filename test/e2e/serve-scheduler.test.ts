import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { identify } from '../../src/use-cases/identify.ts';
import { saveCredential } from '../../src/use-cases/save-credential.ts';
import { testDeps } from '../builders/deps.ts';
import { startFakeSlackApi } from '../fakes/fake-slack-api.ts';
import { runCli } from '../support/run-cli.ts';
import { freePort, startServe } from '../support/serve-process.ts';
import { useTestDatabase } from '../support/test-database.ts';
import { until } from '../scheduler/until.ts';

const database = useTestDatabase();

describe('`recert serve` runs the scheduler on pg-boss beside Slack', () => {
  it('plans at start, posts the due DM once through the fake Slack Web API, and stops cleanly on SIGTERM', async () => {
    // serve reads the real clock: Ana's 30-day DM (09:00 UTC) fell due within the first run's 24-hour look-back.
    const now = DateTime.utc();
    const stepDay = now.hour >= 9 ? now.startOf('day') : now.minus({ days: 1 }).startOf('day');
    const deps = testDeps(database.current.db, now.toISO() ?? '');
    const ana = (await identify(deps, { platform: 'slack', organisationExternalId: 'T0FAKE', organisationName: 'Fake Clinic', organisationTimeZone: 'UTC', userExternalId: 'U0ANA', displayName: 'Ana', timeZone: 'UTC', source: 'slack', firstPersonIsAdmin: true })).actor;
    await saveCredential(deps, ana, { number: 'CMSS-30', issuedOn: stepDay.plus({ days: 30 }).minus({ years: 1 }).toISODate() ?? '', expiresOn: stepDay.plus({ days: 30 }).toISODate() ?? '' });
    const fake = await startFakeSlackApi();
    const serve = await startServe(
      { DATABASE_URL: database.current.connectionString, SLACK_API_URL: fake.apiUrl, SLACK_BOT_TOKEN: 'xoxb-e2e-token', SLACK_SIGNING_SECRET: 'e2e-secret', LOG_LEVEL: 'info', RECERT_SCHEDULER_POLL_SECONDS: '0.5' },
      await freePort(),
    );
    try {
      await until(() => serve.output().includes('scheduler started'), 'the scheduler', 60_000);
      await until(() => fake.callsTo('chat.postMessage').length > 0, 'the DM', 30_000);
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      expect(fake.callsTo('chat.postMessage').map((c) => c.body.channel)).toEqual(['U0ANA']);
    } finally {
      expect(await serve.stop()).toBe(0);
      await fake.close();
    }
    expect(serve.output()).toContain('scheduler stopped');
    const row = await deps.db.selectFrom('reminder_deliveries').select(['status', 'message_id']).where('organisation_id', '=', ana.organisationId).executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'sent', message_id: '1700000000.000999' });
  }, 120_000);

  // Independent of the test database: run once, in the embedded-database run.
  it.skipIf(Boolean(process.env.DATABASE_URL))('on the embedded database of its own (RECERT_DATA_DIR, no DATABASE_URL) pg-boss starts through the socket server, twice, and stops on SIGTERM', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'recert-scheduler-'));
    const fake = await startFakeSlackApi();
    try {
      for (const run of [1, 2]) {
        const serve = await startServe({ RECERT_DATA_DIR: dataDir, SLACK_API_URL: fake.apiUrl, SLACK_BOT_TOKEN: 'xoxb-e2e-token', SLACK_SIGNING_SECRET: 'e2e-secret', LOG_LEVEL: 'info', RECERT_SCHEDULER_POLL_SECONDS: '0.5' }, await freePort());
        await until(() => serve.output().includes('scheduler started'), `the scheduler, run ${run}`, 60_000);
        expect(await serve.stop()).toBe(0);
        expect(serve.output()).toContain('scheduler stopped');
        expect(serve.output()).not.toContain('job queue error');
      }
    } finally {
      await fake.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 180_000);

  it('a RECERT_SCHEDULER that is neither on nor off is refused before anything starts', async () => {
    const result = await runCli(['serve'], { env: { RECERT_SCHEDULER: 'sometimes', SLACK_BOT_TOKEN: 'xoxb-x', SLACK_SIGNING_SECRET: 's' } });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('RECERT_SCHEDULER must be on or off');
  });
});
