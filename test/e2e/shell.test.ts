import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfBytes } from '../builders/files.ts';
import { runCli } from '../support/run-cli.ts';
import { useTestDatabase } from '../support/test-database.ts';

const database = useTestDatabase();

describe('the terminal chat through a pipe', () => {
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'recert-shell-'));
    await writeFile(path.join(dir, 'certificate.pdf'), pdfBytes());
    await writeFile(path.join(dir, 'notes.txt'), 'not a certificate');
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  const run = (lines: readonly string[], user = 'Alex') =>
    runCli([], { input: `${lines.join('\n')}\n`, cwd: dir, env: { DATABASE_URL: database.current.connectionString, RECERT_USER: user, RECERT_TIME_ZONE: 'America/New_York' } });

  it('logs a training, attaches its certificate, shows status, undoes, and exits at the end of input', async () => {
    const result = await run([
      'cert CMSS-12345 issued 2026-01-15',
      'finished the MLN web-based training "Medicare Billing: 837P and Form CMS-1500 (60 minutes)" yesterday',
      'yes',
      'proof ./certificate.pdf',
      'status',
      'undo',
      'undo',
      'status',
    ]);
    expect(result.code).toBe(0);
    const out = result.stdout;
    expect(out).toContain('Welcome to Recert, Alex!');
    expect(out).toContain('Saved your CMSS certificate CMSS-12345');
    expect(out).toContain('Title:   Medicare Billing: 837P and Form CMS-1500 (60 minutes)');
    expect(out).toContain('Credit:  1 CE\n');
    expect(out).toContain('Index:   CMS06140728A');
    expect(out).toContain('How: 60 minutes');
    expect(out).toContain('Logged entry #1');
    expect(out).toContain('Attached "certificate.pdf"');
    expect(out).toMatch(/1 of 3 CE \(1 entry, 60 min counted\)/);
    expect(out).toContain('Undone: "certificate.pdf" is no longer attached to entry #1.');
    expect(out).toContain('Undone: entry #1 (Medicare Billing: 837P and Form CMS-1500 (60 minutes)) is no longer logged.');
    expect(out).toMatch(/0 of 3 CE \(0 entries, 0 min counted\)/);
    expect(result.stderr).toBe('');
  });

  it("runs the README's \"Try:\" list as written, from the repository's root, sample certificate included", async () => {
    const readme = await readFile(new URL('../../README.md', import.meta.url), 'utf8');
    const tryBlock = /`npm start` opens a chat\. Try:\n\n```\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(tryBlock).toBeDefined();
    const root = fileURLToPath(new URL('../..', import.meta.url));
    // `shell`, not the default `serve`: a developer's own .env at the root may configure Slack.
    const result = await runCli(['shell'], { input: tryBlock, cwd: root, env: { DATABASE_URL: database.current.connectionString, RECERT_USER: 'Reader', RECERT_TIME_ZONE: 'America/New_York' } });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Logged entry #1');
    expect(result.stdout).toContain('Attached "sample-mln-certificate.pdf"');
    expect(result.stdout).toContain('Undone: "sample-mln-certificate.pdf" is no longer attached to entry #1.');
    expect(result.stderr).toBe('');
  });

  it('asks for a missing length and takes the answer', async () => {
    const result = await run(['watched the MLN webinar on telehealth billing yesterday', '45', 'yes', 'history'], 'Blake');
    expect(result.stdout).toContain('How long was "MLN webinar on telehealth billing"?');
    expect(result.stdout).toContain('Length:  45 minutes');
    expect(result.stdout).toMatch(/#1 · \w{3} \d{1,2}, \d{4} · MLN webinar on telehealth billing — 45 min → 1 CE \(CMS06140728A\) · webinar · no proof/);
  });

  it('answers bad input with a friendly message and keeps going', async () => {
    const result = await run(['proof ./certificate.pdf', 'log "Something" 30 min', 'yes', 'proof ./notes.txt', 'proof ./missing.pdf', 'cert', 'edit 9 minutes 40', 'gibberish zzz', 'status', '/ceu help fee'], 'Casey');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('You have no entries to attach a certificate to yet.');
    expect(result.stdout).toContain('"notes.txt" is not a PDF, PNG or JPEG');
    expect(result.stdout).toContain('I can\'t find a file at "./missing.pdf"');
    expect(result.stdout).toContain('Your certificate:');
    expect(result.stdout).toContain('There is no entry 9 in your history.');
    expect(result.stdout).toContain("Sorry, I didn't understand that.");
    expect(result.stdout).toContain('No certificate on file — add it with `cert <number> issued <date>`.');
    // A command typed the Slack way works here too.
    expect(result.stdout).toContain('Renewal fee:\n  - fee paid — records the standard fee today');
  });

  it('does not take a message starting with "as" for a change of speaker', async () => {
    const result = await run(['as part of onboarding I finished the MLN webinar on telehealth 45 min'], 'Hollis');
    expect(result.stdout).not.toContain('(you are part');
    expect(result.stdout).toContain('Length:  45 minutes');
  });

  it('switches speakers with `as NAME`; each person has their own ledger', async () => {
    const result = await run(['log "Dana Course" 30 min', 'yes', 'as Erin', 'history', 'as Dana', 'history'], 'Dana');
    const [, , erinPart = '', danaAgain = ''] = result.stdout.split(/\(you are (?:Erin|Dana)\)/);
    expect(erinPart).toContain('No entries yet.');
    expect(danaAgain).toContain('Dana Course');
  });
});

describe('the embedded database', () => {
  it('persists between runs in RECERT_DATA_DIR', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'recert-data-'));
    try {
      const env = { RECERT_DATA_DIR: dataDir, RECERT_USER: 'Frankie' };
      const first = await runCli([], { input: 'log "Persisted Course" 45 min\nyes\n', env, timeoutMs: 90_000 });
      expect(first.code).toBe(0);
      expect(first.stdout).toContain('Logged entry #1');
      const second = await runCli([], { input: 'history\n', env, timeoutMs: 90_000 });
      expect(second.stdout).toContain('Persisted Course');
      expect(second.stdout).not.toContain('Welcome to Recert');
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 180_000);
});

describe('the terminal organisation\'s time zone', () => {
  it('follows RECERT_TIME_ZONE from one run to the next', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'recert-zone-'));
    try {
      const first = await runCli([], { input: 'status\n', env: { RECERT_DATA_DIR: dataDir, RECERT_USER: 'Ira', RECERT_TIME_ZONE: 'America/New_York' }, timeoutMs: 90_000 });
      expect(first.stdout).toContain('Dates in America/New_York');
      const second = await runCli([], { input: 'status\n', env: { RECERT_DATA_DIR: dataDir, RECERT_USER: 'Ira', RECERT_TIME_ZONE: 'Asia/Tokyo' }, timeoutMs: 90_000 });
      expect(second.stdout).toContain('Dates in Asia/Tokyo');
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 180_000);
});
