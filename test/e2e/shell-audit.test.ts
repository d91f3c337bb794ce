import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfBytes } from '../builders/files.ts';
import { runCli } from '../support/run-cli.ts';
import { useTestDatabase } from '../support/test-database.ts';

const database = useTestDatabase();

describe('the terminal: an audit run to its close', () => {
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'recert-audit-'));
    await writeFile(path.join(dir, 'certificate.pdf'), pdfBytes('audit'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('the admin starts it, the sampled scribe is asked privately and attaches, status counts it, close records it', async () => {
    const lines = [
      'status',
      'as Ana',
      'cert CMSS-1 issued 2026-01-15',
      'log MLN webinar "Telehealth Billing" 45 min yesterday',
      'yes',
      'audit start 25%',
      'as Dana',
      'audit start 100% seed 1234',
      'audit start 50%',
      'as Ana',
      'proof 1 ./certificate.pdf',
      'as Dana',
      'audit status',
      'audit close passed note "All certificates on file"',
      'audit status',
      'help audit',
    ];
    const result = await runCli([], { input: `${lines.join('\n')}\n`, cwd: dir, env: { DATABASE_URL: database.current.connectionString, RECERT_USER: 'Dana', RECERT_TIME_ZONE: 'America/New_York' } });
    expect(result.code).toBe(0);
    const out = result.stdout;
    expect(out).toContain('Only managers and admins can run audits — ask an admin: Dana.');
    expect(out).toContain('Audit of the whole organisation — 100% sample');
    expect(out).toContain('Seed 1234');
    expect(out).toContain('→ to Ana, privately:');
    expect(out).toContain('needs your MLN certificate or contact-hour documentation for 1 entry:');
    expect(out).toContain('Attach its certificate with `proof 1 <file>`.');
    expect(out).toContain('An audit of the whole organisation is already open');
    expect(out).toContain("That answers the audit's request: you have sent everything it asked for.");
    expect(out).toContain('1 of 1 person answered · 1 of 1 entry documented · 0 outstanding');
    expect(out).toContain('Closed the audit of the whole organisation: passed.');
    expect(out).toContain('Note: All certificates on file');
    expect(out).toContain('There is no open audit. Start one with `audit start 25%`.');
    expect(out).toContain('audit remind — nudges those who have not');
    expect(result.stderr).toBe('');
  }, 120_000);
});
