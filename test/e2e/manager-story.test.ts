import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.ts';
import { useTestDatabase } from '../support/test-database.ts';

/**
 * Issue 7's "Done when", in the terminal, as one person at the keyboard would play it: the admin
 * makes a manager; the manager builds the roster from a CSV, asks who is out of compliance, opens
 * one person's detail, runs an audit to its close and exports a transcript PDF and an evidence
 * pack; a scribe trying any of it is refused politely. (Slack's run of the same story is in
 * test/slack/managers.test.ts, roster.test.ts, audits.test.ts and paperwork.test.ts.)
 */
const database = useTestDatabase();

const CSV = [
  'name,slack user id,email,credential number,issued,expires,fee paid through,team',
  'Ana Ortiz,,ana@example.org,CMSS-100,2026-02-01,,,Night shift',
  'Ben Lee,,ben@example.org,CMSS-200,2025-12-10,,2026-12-09,Night shift',
].join('\r\n');

const SCRIPT = [
  'as Mia',
  'as Sam',
  'as Dana',
  'role @Mia manager',
  'as Mia',
  'roster import ./people.csv',
  'who is out of compliance?',
  'status @"Ana Ortiz"',
  'audit start 100% seed 7',
  'audit status',
  'audit close passed note "checked by hand"',
  'export transcript @"Ana Ortiz"',
  'export pack @"Ana Ortiz"',
  'as Sam',
  'who is out of compliance?',
  'roster import ./people.csv',
  'audit start 25%',
  'export transcript @"Ana Ortiz"',
];

describe("a manager's day in the terminal (issue 7, done when)", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'recert-story-'));
    await writeFile(path.join(dir, 'people.csv'), `${CSV}\r\n`);
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('admin → manager → roster → report → detail → audit → exports; the scribe is refused each step', async () => {
    const env = { DATABASE_URL: database.current.connectionString, RECERT_USER: 'Dana', RECERT_TIME_ZONE: 'America/New_York', RECERT_EXPORT_DIR: './exports' };
    const result = await runCli(['shell'], { input: `${SCRIPT.join('\n')}\n`, cwd: dir, env });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const out = result.stdout;
    expect(out).toContain('Mia is now a manager of the whole organisation (was a scribe).');
    expect(out).toContain('Roster imported from people.csv: 2 rows — 2 added, 0 updated, 0 unchanged.');
    // The summary first, then each person with a gap and why, most urgent first.
    expect(out).toMatch(/\d+ compliant · \d+ at risk · \d+ out of compliance, of 5 people/);
    expect(out).toMatch(/Ben Lee — At risk: expires on Dec \d+, 2026 \(in \d+ days\); short by 3 CE/);
    expect(out).toContain('Ana Ortiz — At risk: short by 3 CE; fee unpaid');
    expect(out.indexOf('Ben Lee — At risk')).toBeLessThan(out.indexOf('Ana Ortiz — At risk'));
    // One person's detail: the status Ana sees of herself.
    expect(out).toContain('Certificate CMSS-100: issued Feb 1, 2026, expires Feb 1, 2027');
    expect(out).toContain('Renewal fee $85: not recorded as paid');
    // The audit, from its seed to its close.
    expect(out).toContain('Audit of the whole organisation — 100% sample, started Dec');
    expect(out).toContain('Seed 7: the same seed and the same people draw the same sample.');
    expect(out).toContain('Closed the audit of the whole organisation: passed.');
    expect(out).toContain('Note: checked by hand');
    // The paperwork, written where the terminal says.
    const pdfName = /`(transcript-ana-ortiz-\d{4}-\d{2}-\d{2}\.pdf)`/.exec(out)?.[1];
    const zipName = /`(evidence-pack-ana-ortiz-\d{4}-\d{2}-\d{2}\.zip)`/.exec(out)?.[1];
    expect(pdfName && zipName).toBeTruthy();
    const pdf = await readFile(path.join(dir, 'exports', pdfName ?? ''));
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const zip = unzipSync(new Uint8Array(await readFile(path.join(dir, 'exports', zipName ?? ''))));
    expect(Object.keys(zip).sort()).toEqual(expect.arrayContaining(['SHA256SUMS', 'transcript.csv', 'transcript.pdf']));
    // The scribe, politely refused at every step, naming the admin to ask.
    const sam = out.slice(out.lastIndexOf('(you are Sam)'));
    expect(sam).toContain('Only managers and admins can see the team report, the roster or the roles — ask an admin: Dana.');
    expect(sam).toContain('Only managers and admins can change the roster — ask an admin: Dana.');
    expect(sam).toContain('Only managers and admins can run audits — ask an admin: Dana.');
    expect(sam).toContain("Only managers and admins can export someone else's paperwork — ask an admin: Dana.");
    expect(sam).not.toContain('Ana Ortiz —');
  }, 240_000);
});
