import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { unzipSync } from 'fflate';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfBytes } from '../builders/files.ts';
import { runCli } from '../support/run-cli.ts';
import { useTestDatabase } from '../support/test-database.ts';

const database = useTestDatabase();

async function pdfText(bytes: Uint8Array): Promise<string> {
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: true });
  // A cell's words wrap onto lines of their own: compare with single spaces.
  return text.replace(/\s+/g, ' ');
}

/**
 * Paperwork end to end: the terminal chat writes exports into RECERT_EXPORT_DIR (a scribe their own,
 * refused a colleague's), and `recert export` writes them as the operator; files are read back.
 */
describe('renewal paperwork from the terminal and the command line', () => {
  let dir = '';
  const env = () => ({ DATABASE_URL: database.current.connectionString, RECERT_USER: 'Alex', RECERT_TIME_ZONE: 'America/New_York' });

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'recert-paperwork-'));
    await writeFile(path.join(dir, 'certificate.pdf'), pdfBytes('Medicare Billing certificate'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('the terminal writes a scribe\'s transcript and pack to ./recert-exports and refuses a colleague\'s', async () => {
    const lines = [
      'as Zoë Ñúñez',
      'cert CMSS-12345 issued 2026-01-15',
      'finished the MLN web-based training "Medicare Billing: 837P and Form CMS-1500 (60 minutes)" on 2026-03-10',
      'yes',
      'proof ./certificate.pdf',
      'send me my transcript',
      'export transcript csv',
      'export pack',
      'export transcript @alex',
      'help export',
    ];
    const result = await runCli(['shell'], { input: `${lines.join('\n')}\n`, cwd: dir, env: env() });
    expect(result.code).toBe(0);
    const folder = path.join(dir, 'recert-exports');
    expect(result.stdout).toContain(`Wrote your transcript (PDF) to \`${folder}\`:`);
    expect(result.stdout).toContain('Wrote your evidence pack (the transcript and 1 certificate)');
    expect(result.stdout).toContain("Only managers and admins can export someone else's paperwork");
    expect(result.stdout).toContain('The files are written to ./recert-exports');
    const files = (await readdir(folder)).sort();
    expect(files).toEqual([expect.stringMatching(/^evidence-pack-zoe-nunez-\d{4}-\d{2}-\d{2}\.zip$/), expect.stringMatching(/^transcript-zoe-nunez-.*\.csv$/), expect.stringMatching(/^transcript-zoe-nunez-.*\.pdf$/)]);
    const text = await pdfText(await readFile(path.join(folder, files[2] ?? '')));
    expect(text).toContain('Zoë Ñúñez');
    expect(text).toContain('Medicare Billing: 837P and Form CMS-1500 (60 minutes)');
    expect(text).toContain('Page 1 of 1');
    const rows = parse(await readFile(path.join(folder, files[1] ?? '')), { relax_column_count: true, skip_empty_lines: true }) as string[][];
    expect(rows).toContainEqual(['1', 'Medicare Billing: 837P and Form CMS-1500 (60 minutes)', 'web-based training', '2026-03-10', '60', '1', 'CMS06140728A', 'Yes', 'Yes', 'Named in the entry']);
    const zip = unzipSync(new Uint8Array(await readFile(path.join(folder, files[0] ?? ''))));
    const certificate = zip['entry-01-medicare-billing-837p-and-form-cms-1500.pdf'];
    expect(Buffer.from(certificate ?? [])).toEqual(Buffer.from(pdfBytes('Medicare Billing certificate')));
    for (const line of new TextDecoder().decode(zip.SHA256SUMS).trim().split('\n')) {
      const [hash, name] = line.split('  ');
      expect(createHash('sha256').update(zip[name ?? ''] ?? new Uint8Array()).digest('hex')).toBe(hash);
    }
  }, 120_000);

  it('`recert export` writes a transcript (PDF or CSV) and a pack as the operator, and prints the paths', async () => {
    const out = path.join(dir, 'cli-out');
    const pdf = await runCli(['export', 'transcript', '--org', 'local', '--person', 'Zoë Ñúñez', '--out', out], { cwd: dir, env: env() });
    expect(pdf.stderr).toBe('');
    expect(pdf.code).toBe(0);
    const pdfPath = pdf.stdout.trim();
    expect(pdfPath).toMatch(new RegExp(`^${out}/transcript-zoe-nunez-.*\\.pdf$`));
    expect(await pdfText(await readFile(pdfPath))).toContain('CMSS-12345');
    const csv = await runCli(['export', 'transcript', '--org', 'local', '--person', 'Zoë Ñúñez', '--csv', '--out', out], { cwd: dir, env: env() });
    expect(csv.stdout.trim()).toMatch(/\.csv$/);
    const pack = await runCli(['export', 'pack', '--org', 'local', '--person', 'Zoë Ñúñez', '--out', out], { cwd: dir, env: env() });
    expect(Object.keys(unzipSync(new Uint8Array(await readFile(pack.stdout.trim())))).sort()).toEqual(['SHA256SUMS', 'entry-01-medicare-billing-837p-and-form-cms-1500.pdf', 'transcript.csv', 'transcript.pdf']);
  }, 120_000);

  it('`recert export` refuses bad arguments before the database (exit 2) and an unknown person or organisation in one line (exit 1)', async () => {
    const usage = await runCli(['export', 'pack', '--org', 'local', '--person', 'x', '--pdf'], { cwd: dir, env: env() });
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('An evidence pack is a zip');
    expect(usage.stderr).toContain('Usage: recert export transcript');
    expect((await runCli(['export', 'transcript', '--org', 'local'], { cwd: dir, env: env() })).stderr).toContain('Whose paperwork? Give --person.');
    expect((await runCli(['export', 'transcript', '--bogus'], { cwd: dir, env: env() })).code).toBe(2);
    const nobody = await runCli(['export', 'transcript', '--org', 'local', '--person', 'Nobody'], { cwd: dir, env: env() });
    expect(nobody.code).toBe(1);
    expect(nobody.stderr.trim()).toBe('I don\'t know anyone called "Nobody" here. Type `roster` to see who is on it.');
    const noOrg = await runCli(['export', 'transcript', '--org', 'slack:T0NONE', '--person', 'x'], { cwd: dir, env: env() });
    expect(noOrg.code).toBe(1);
    expect(noOrg.stderr).toContain('There is no organisation "slack:T0NONE"');
  }, 120_000);
});
