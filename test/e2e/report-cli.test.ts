import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { organisationReportLines } from '../../adapters/common/organisation-report-csv.ts';
import { buildComplianceReport } from '../../src/use-cases/report/compliance-report.ts';
import { identify } from '../../src/use-cases/identify.ts';
import { testDeps, type TestDeps } from '../builders/deps.ts';
import { planOrganisation } from '../builders/random-organisation.ts';
import { seedOrganisation, type SeededOrganisation } from '../builders/seed-organisation.ts';
import { runCli } from '../support/run-cli.ts';
import { useTestDatabase } from '../support/test-database.ts';

const database = useTestDatabase();

/** Names a spreadsheet or a naive splitter would get wrong: a formula, a comma and quotes, a line break, accents. */
const AWKWARD = ['=HYPERLINK("http://x")', 'Ortiz, Ana "Annie"', 'Zoë\nNewline'];

describe('recert report', () => {
  let deps: TestDeps;
  let seeded: SeededOrganisation;
  let org: string;
  const env = () => ({ DATABASE_URL: database.current.connectionString, LOG_LEVEL: 'error' });

  beforeAll(async () => {
    // The command reads the system clock: the expected rows are computed for the same moment.
    deps = testDeps(database.current.db, new Date().toISOString());
    const plan = planOrganisation(11, deps.clock.now().toISODate() ?? '', { people: 40, maxEntries: 10 });
    seeded = await seedOrganisation(deps, plan);
    for (const name of AWKWARD) {
      await identify(deps, { platform: 'test', organisationExternalId: seeded.externalId, organisationName: 'x', organisationTimeZone: 'America/Chicago', userExternalId: `aw-${AWKWARD.indexOf(name)}`, displayName: name, timeZone: null, source: 'shell' });
    }
    org = `test:${seeded.externalId}`;
  });

  async function expected() {
    return organisationReportLines((await buildComplianceReport(deps, seeded.admin, { everyone: true })).rows);
  }

  it('writes everyone (compliant people too) as CSV, most urgent first, and the CSV reads back to the same rows', { timeout: 120_000 }, async () => {
    const result = await runCli(['report', '--org', org], { env: env() });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout.startsWith('name,platform id,state,earned,required,credential number,expires,fee paid,reasons\r\n')).toBe(true);
    const records = parse(result.stdout, { columns: true }) as Record<string, string>[];
    const lines = await expected();
    expect(records).toHaveLength(lines.length);
    expect(new Set(records.map((r) => r.state))).toEqual(new Set(['compliant', 'at_risk', 'out_of_compliance']));
    expect(records).toEqual(
      lines.map((l) => ({
        name: l.name.startsWith('=') ? `'${l.name}` : l.name,
        'platform id': l.platformId,
        state: l.state,
        earned: String(l.earned),
        required: String(l.required),
        'credential number': l.credentialNumber ?? '',
        expires: l.expires ?? '',
        'fee paid': l.feePaid ?? '',
        reasons: l.reasons.join('; '),
      })),
    );
    expect(records.map((r) => r.name)).toEqual(expect.arrayContaining(["'=HYPERLINK(\"http://x\")", 'Ortiz, Ana "Annie"', 'Zoë Newline'])); // a line break in a name is stored as a space (storableName)
  });

  it('writes JSON to a file with --json --out, says where and how many, and audits the export', { timeout: 120_000 }, async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'recert-report-'));
    try {
      const result = await runCli(['report', '--org', org, '--json', '--out', 'report.json'], { env: env(), cwd: dir });
      expect(result.code).toBe(0);
      const target = path.join(dir, 'report.json');
      const lines = await expected();
      expect(result.stdout).toMatch(new RegExp(`^${target.replaceAll('.', '\\.')}\\n\\d+ compliant · \\d+ at risk · \\d+ out of compliance, of ${lines.length} people\\n$`));
      expect(JSON.parse(await readFile(target, 'utf8'))).toEqual(JSON.parse(JSON.stringify(lines)));
      const audit = await sql<{ n: string }>`select count(*) as n from audit_events where organisation_id = ${seeded.organisationId} and action = 'report.exported' and actor_person_id is null`.execute(deps.db.withoutPlugins());
      expect(Number(audit.rows[0]?.n)).toBeGreaterThanOrEqual(2);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('refuses bad arguments before opening the database, and names an unknown organisation in one line', { timeout: 180_000 }, async () => {
    const missing = await runCli(['report'], { env: env() });
    expect(missing).toMatchObject({ code: 2, stdout: '' });
    expect(missing.stderr).toContain('Which organisation? Give --org.');
    const both = await runCli(['report', '--org', org, '--csv', '--json'], { env: env() });
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('Choose one of --csv and --json.');
    const unknownOption = await runCli(['report', '--org', org, '--pdf'], { env: env() });
    expect(unknownOption.code).toBe(2);
    const nowhere = await runCli(['report', '--org', 'test:nowhere'], { env: env() });
    expect(nowhere.code).toBe(1);
    expect(nowhere.stderr.trim()).toBe('There is no organisation "test:nowhere" in this database. Use --org slack:<team id>, or --org local for the terminal\'s.');
    const help = await runCli(['report', '--help'], { env: env() });
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: recert report --org <org>');
  });
});
