import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.ts';
import { useTestDatabase } from '../support/test-database.ts';

const database = useTestDatabase();

const HEADER = 'name,slack user id,email,credential number,issued,expires,fee paid through,team';

describe('the roster from the terminal and the command line', () => {
  let dir: string;
  const env = () => ({ DATABASE_URL: database.current.connectionString, RECERT_USER: 'Dana', RECERT_TIME_ZONE: 'America/New_York' });

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'recert-roster-'));
    await writeFile(path.join(dir, 'bad.csv'), `\uFEFF${HEADER}\r\nAna Ortiz,,ana@example.org,CMSS-100,2026-02-01,,,Night shift\r\nEve,,eve@example.org,CMSS-1,2026-13-01,,,\r\n`);
    await writeFile(path.join(dir, 'header.csv'), `${HEADER}\r\n`);
    await writeFile(path.join(dir, 'extra.csv'), `${HEADER}\r\nZed,,zed@example.org,,,,,,surplus\r\n`);
    await writeFile(path.join(dir, 'people.csv'), `${HEADER}\r\nAna Ortiz,,ana@example.org,CMSS-100,2026-02-01,,,Night shift\r\n"Ortiz, Ben",,ben@example.org,,,,,\r\n`);
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('imports in the terminal: a bad file stores nothing and says why; a good one builds the roster', async () => {
    const result = await runCli(['shell'], { input: ['roster import ./bad.csv', 'roster', 'roster import ./people.csv', 'roster', 'roster import ./missing.csv', 'roster remove @"Ortiz, Ben"', 'help roster'].join('\n') + '\n', cwd: dir, env: env() });
    expect(result.code).toBe(0);
    const out = result.stdout;
    expect(out).toContain('Nothing imported from bad.csv: 1 row of 2 has a problem, so nothing was stored.');
    expect(out).toContain('Line 3, issued: 2026-13-01 is not a date (write 2026-02-01).');
    expect(out).toContain('Roster imported from people.csv: 2 rows — 2 added, 0 updated, 0 unchanged.');
    expect(out).toMatch(/Ana Ortiz \(Night shift\) — .* · CMSS-100, expires/);
    expect(out).toContain('I can\'t find a file at "./missing.csv"');
    expect(out).toContain('Ortiz, Ben is off the roster');
    expect(out).toContain('roster import ./people.csv — build the roster from a CSV file');
    expect(result.stderr).toBe('');
  }, 120_000);

  it('exports and imports with recert roster: usage mistakes are exit 2, the export imports back unchanged', async () => {
    expect((await runCli(['roster', 'export'], { env: env() })).code).toBe(2);
    expect((await runCli(['roster', 'import', '--org', 'local'], { env: env() })).stderr).toContain('Usage: recert roster import FILE');
    const out = path.join(dir, 'export.csv');
    const exported = await runCli(['roster', 'export', '--org', 'local', '--out', out], { env: env(), cwd: dir });
    expect(exported.code).toBe(0);
    const csv = await readFile(out, 'utf8');
    expect(csv.split('\r\n')[0]).toBe(HEADER);
    expect(csv).toContain('Ana Ortiz,,ana@example.org,CMSS-100,2026-02-01,2027-02-01,,Night shift');
    const again = await runCli(['roster', 'import', out, '--org', 'local'], { env: env(), cwd: dir });
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/0 added, 0 updated, \d+ unchanged/);
    const bad = await runCli(['roster', 'import', path.join(dir, 'bad.csv'), '--org', 'local'], { env: env() });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('run again with --skip-bad');
    const skipped = await runCli(['roster', 'import', path.join(dir, 'bad.csv'), '--org', 'local', '--skip-bad'], { env: env() });
    expect(skipped.code).toBe(0);
    expect(skipped.stdout).toContain('1 row skipped');
    const headerOnly = await runCli(['roster', 'import', path.join(dir, 'header.csv'), '--org', 'local'], { env: env() });
    expect(headerOnly.code).toBe(1);
    expect(headerOnly.stderr).toContain('The file has a header but no people');
    const extra = await runCli(['roster', 'import', path.join(dir, 'extra.csv'), '--org', 'local'], { env: env() });
    expect(extra.code).toBe(1);
    expect(extra.stderr).toContain("Line 2, column 9: surplus is past the header's last column");
    expect(extra.stderr).toContain('Nothing was stored.');
    const unknown = await runCli(['roster', 'export', '--org', 'slack:TNOPE'], { env: env() });
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('There is no organisation "slack:TNOPE"');
  }, 120_000);
});
