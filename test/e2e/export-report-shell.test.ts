import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.ts';
import { useTestDatabase } from '../support/test-database.ts';

const database = useTestDatabase();

/** `export report` in the terminal chat: the admin's CSV lands in ./recert-exports and reads back; a scribe is refused. */
describe('export report from the terminal', () => {
  let dir = '';
  const env = () => ({ DATABASE_URL: database.current.connectionString, RECERT_USER: 'Alex', RECERT_TIME_ZONE: 'America/New_York' });

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'recert-report-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('writes the compliance report of everyone as CSV for the admin and refuses a scribe', async () => {
    const lines = ['cert CMSS-12345 issued 2026-01-15', 'as Ben', 'export report', 'as Alex', 'export report'];
    const result = await runCli(['shell'], { input: `${lines.join('\n')}\n`, cwd: dir, env: env() });
    expect(result.code).toBe(0);
    const folder = path.join(dir, 'recert-exports');
    expect(result.stdout).toContain('Only managers and admins');
    expect(result.stdout).toContain(`Wrote the compliance report (CSV, 2 people) to \`${folder}\`:`);
    const files = await readdir(folder);
    expect(files).toEqual([expect.stringMatching(/^compliance-report-\d{4}-\d{2}-\d{2}\.csv$/)]);
    const rows = parse(await readFile(path.join(folder, files[0] ?? '')), { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => r.name).sort()).toEqual(['Alex', 'Ben']);
    const alex = rows.find((r) => r.name === 'Alex');
    expect(alex).toMatchObject({ 'credential number': 'CMSS-12345', state: 'at_risk', required: '3' });
    expect(rows.find((r) => r.name === 'Ben')).toMatchObject({ state: 'out_of_compliance', 'credential number': '' });
  }, 120_000);
});
