import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.ts';

describe('recert parse', () => {
  it('answers one text with one JSON object', async () => {
    const result = await runCli(['parse', '--json', 'Medicare Billing: 837P and Form CMS-1500 (90 minutes)']);
    expect(result.code).toBe(0);
    const lines = result.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0] ?? '')).toMatchObject({ minutes: 90, ceu: 1.5, index: 'CMS06140729A', reason: null, kind: 'other' });
  });

  it('reads one text per line from stdin and answers each with one JSON line, nulls where undetermined', async () => {
    const input = ['MLN web-based training (30 min)', 'Medicare Billing: 837P and Form CMS-1500 (Web-Based Training)', 'watched the 45-minute webinar, took me 1 hour', 'annual event, 3 hours', '', 'National Provider Call 1:30 – 3:00 pm ET'].join('\n');
    const result = await runCli(['parse', '--json'], { input: `${input}\n` });
    const answers = result.stdout.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(answers.map((a) => [a.minutes, a.ceu, a.index, a.reason])).toEqual([
      [30, 0.5, 'CMS06140727A', null],
      [null, null, null, 'length-missing'],
      [null, null, null, 'length-ambiguous'],
      [180, null, null, 'needs-review'],
      [null, null, null, 'empty'],
      [90, 1.5, 'CMS06140729A', null],
    ]);
    expect(answers[2]?.candidates).toEqual([
      { minutes: 45, text: '45-minute' },
      { minutes: 60, text: '1 hour' },
    ]);
    expect(answers[5]?.kind).toBe('npc');
  });

  it('answers --help with its usage (a training called "help" is still read), refuses an unknown option', async () => {
    const usage = await runCli(['parse', '--help']);
    expect(usage.code).toBe(0);
    expect(usage.stdout).toContain('Usage: recert parse [--json] [text]');
    expect((await runCli(['parse', 'help'])).stdout).toContain('Title:    help');
    const unknown = await runCli(['parse', '--jsno', 'x']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Unknown option "--jsno"');
    expect(unknown.stdout).toBe('');
  });

  it('reports what it read of a future-dated text, and why it is refused', async () => {
    const result = await runCli(['parse', '--json', '"Intro to Medicare" 90 min on 2099-01-05']);
    expect(JSON.parse(result.stdout)).toMatchObject({ minutes: 90, ceu: 1.5, date: '2099-01-05', reason: 'future-date' });
    const words = await runCli(['parse', '"Intro to Medicare" 90 min on 2099-01-05']);
    expect(words.stdout).toContain('Date:     Jan 5, 2099 (in the future: not accepted)');
    expect(words.stdout).not.toContain('(none)');
  });

  // The review of issue 10: the future day's words are cut from the title like any date's.
  it('leaves a future day out of the title it reports', async () => {
    const tomorrow = await runCli(['parse', '--json', 'MLN webinar 90 min tomorrow']);
    expect(JSON.parse(tomorrow.stdout)).toMatchObject({ title: 'MLN webinar', minutes: 90, reason: 'future-date' });
  });

  it('explains in words without --json', async () => {
    const result = await runCli(['parse', 'finished the MLN webinar yesterday, 1 hr 15 min']);
    expect(result.stdout).toContain('Minutes:  75');
    expect(result.stdout).toContain('Credit:   1.5 CE');
    expect(result.stdout).toContain('Index:    CMS06140729A');
    expect(result.stdout).toMatch(/Why: {6}.*75 minutes is over 60 and up to 90 → 1\.5 CE, index CMS06140729A/);
  });
});

describe('recert command line', () => {
  it('prints usage for help, and refuses an unknown command', async () => {
    expect((await runCli(['help'])).stdout).toContain('Usage: recert [command]');
    const unknown = await runCli(['frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Unknown command "frobnicate"');
  });

  // Issue 10: `--help` is usage too, and says `serve` runs Teams only when it is configured.
  it('answers --help with the usage', async () => {
    expect((await runCli(['--help'])).stdout).toMatch(/serve +run every configured platform \(Slack, Teams\); the terminal chat when none is configured/);
  });

  it('explains a bad configuration instead of crashing', async () => {
    const result = await runCli(['shell'], { env: { LOG_LEVEL: 'loud', DATABASE_URL: 'mysql://nope', SLACK_BOT_TOKEN: 'xoxb-1' } });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('LOG_LEVEL must be debug, info, warn or error');
    expect(result.stderr).toContain('DATABASE_URL must start with postgres://');
    expect(result.stderr).not.toContain('at ');
  });

  it('migrates the embedded database, then finds it up to date', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'recert-migrate-'));
    try {
      const first = await runCli(['migrate'], { env: { RECERT_DATA_DIR: dataDir } });
      expect(first.code).toBe(0);
      expect(first.stdout).toContain('Applied: 20261127T120000Z-create-core-tables');
      const second = await runCli(['migrate'], { env: { RECERT_DATA_DIR: dataDir } });
      expect(second.stdout).toContain('The database is up to date.');
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 90_000);
});
