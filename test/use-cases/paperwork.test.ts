import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/domain/people.ts';
import { attachProof } from '../../src/use-cases/attach-proof.ts';
import { readEvidence } from '../../src/use-cases/paperwork/evidence-pack.ts';
import { saveCredential } from '../../src/use-cases/save-credential.ts';
import { pdfBytes, pngBytes } from '../builders/files.ts';
import { givenOrganisation } from '../builders/organisation.ts';
import { testDeps, type TestDeps } from '../builders/deps.ts';
import { useTestDatabase } from '../support/test-database.ts';
import { expectKind, logged, say } from './helpers.ts';

const database = useTestDatabase();

async function auditCount(action: string, actorId: string): Promise<number> {
  const rows = await sql<{ n: string }>`select count(*) as n from audit_events where action = ${action} and actor_person_id = ${actorId}`.execute(database.current.db.withoutPlugins());
  return Number(rows.rows[0]?.n);
}

describe('renewal paperwork: what is exported, and who may', () => {
  let deps: TestDeps;
  let admin: Actor;
  let ana: Actor;
  let mona: Actor;

  beforeEach(async () => {
    deps = testDeps(database.current.db, '2026-11-27T15:00:00Z');
    const org = await givenOrganisation(deps);
    admin = org.admin;
    ana = await org.join('Zoë Ñúñez');
    await org.join('Ben');
    mona = await org.join('Mona');
    await saveCredential(deps, ana, { number: 'CMSS-1', issuedOn: '2026-01-15' });
    // One before the cycle (left off), two in it, the same course twice (the second does not count).
    await logged(deps, ana, 'MLN webinar "Old Course" 60 min on 2025-12-01');
    const billing = await logged(deps, ana, 'MLN web-based training "Medicare Billing" 60 min on 2026-03-10');
    await logged(deps, ana, 'MLN webinar "Telehealth" 90 min on 2026-04-02');
    await logged(deps, ana, 'MLN web-based training "Medicare Billing" 60 min on 2026-05-01');
    await attachProof(deps, ana, { fileName: 'billing.pdf', bytes: pdfBytes('billing'), seq: billing });
    await attachProof(deps, ana, { fileName: 'billing-page2.png', bytes: pngBytes(), seq: billing });
    await say(deps, admin, 'team Night shift add @ben');
    await say(deps, admin, 'role @mona manager of "Night shift"');
  });

  it('a scribe exports their own transcript: every entry of the cycle, totals, certificate, audited', async () => {
    const reply = expectKind(await say(deps, ana, 'send me my transcript'), 'paperwork');
    expect(reply.isSelf).toBe(true);
    if (reply.paperwork.what !== 'transcript') throw new Error('expected a transcript');
    const t = reply.paperwork.transcript;
    expect(reply.paperwork.format).toBe('pdf');
    expect(t.person.displayName).toBe('Zoë Ñúñez');
    expect(t.credential).toMatchObject({ number: 'CMSS-1', issuedOn: '2026-01-15', expiresOn: '2027-01-15' });
    expect(t.generatedOn).toBe('2026-11-27');
    expect(t.entries.map((e) => [e.title, e.completedOn, e.proofOnFile, e.notCounted])).toEqual([
      ['Medicare Billing', '2026-03-10', true, null],
      ['Telehealth', '2026-04-02', false, null],
      ['Medicare Billing', '2026-05-01', false, 'duplicate'],
    ]);
    expect(t.totals).toMatchObject({ earned: 2.5, countedEntries: 2, countedMinutes: 150 });
    const status = expectKind(await say(deps, ana, 'status'), 'status').status;
    expect([t.totals.earned, t.totals.required]).toEqual([status.earned, status.required]);
    expect(await auditCount('paperwork.exported', ana.personId)).toBe(1);
  });

  it('reads `export transcript csv` and `export pack`; the pack names files by entry and reads them back by SHA-256', async () => {
    const csv = expectKind(await say(deps, ana, 'export transcript csv'), 'paperwork');
    expect(csv.paperwork).toMatchObject({ what: 'transcript', format: 'csv' });
    const reply = expectKind(await say(deps, ana, 'export pack'), 'paperwork');
    if (reply.paperwork.what !== 'pack') throw new Error('expected a pack');
    const { pack } = reply.paperwork;
    expect(pack.files.map((f) => f.name)).toEqual(['entry-02-medicare-billing.png', 'entry-02-medicare-billing.pdf']);
    const bytes = await readEvidence(deps, pack);
    for (const file of pack.files) expect(createHash('sha256').update(bytes.get(file.name) ?? '').digest('hex')).toBe(file.sha256);
    expect(await auditCount('paperwork.exported', ana.personId)).toBe(2);
  });

  it('refuses a scribe a colleague\'s paperwork, politely and audited; nothing is exported', async () => {
    for (const text of ['export transcript @ben', 'export pack @ben']) {
      expect(await say(deps, ana, text)).toMatchObject({ kind: 'error', code: 'forbidden', details: { permission: 'export-paperwork', admins: 'Dana Admin' } });
    }
    expect(await auditCount('access.refused', ana.personId)).toBe(2);
    expect(await auditCount('paperwork.exported', ana.personId)).toBe(0);
  });

  it('lets a manager export someone in their team, refuses someone outside it; an admin exports anyone', async () => {
    expect(expectKind(await say(deps, mona, 'export transcript @ben'), 'paperwork')).toMatchObject({ isSelf: false, paperwork: { transcript: { person: { displayName: 'Ben' } } } });
    expect(await say(deps, mona, 'export pack @"Zoë Ñúñez"')).toMatchObject({ kind: 'error', code: 'forbidden', details: { subject: 'Zoë Ñúñez', outOfScope: true } });
    expect(await auditCount('access.refused', mona.personId)).toBe(1);
    const pack = expectKind(await say(deps, admin, 'export pack @"Zoë Ñúñez"'), 'paperwork');
    expect(pack).toMatchObject({ isSelf: false, paperwork: { what: 'pack' } });
    expect(await auditCount('paperwork.exported', admin.personId)).toBe(1);
  });

  it('keeps organisations apart: a name from another organisation is not found, its files never read', async () => {
    const other = await givenOrganisation(deps, 'Olga Other');
    expect(await say(deps, other.admin, 'export pack @"Zoë Ñúñez"')).toMatchObject({ kind: 'error', code: 'person-not-found' });
    const reply = expectKind(await say(deps, ana, 'export pack'), 'paperwork');
    if (reply.paperwork.what !== 'pack') throw new Error('expected a pack');
    await expect(readEvidence(deps, { ...reply.paperwork.pack, organisationId: other.admin.organisationId })).rejects.toThrow(/could not be read back/);
  });

  it('many exports at once each read the same paperwork and each is audited once', async () => {
    const replies = await Promise.all(Array.from({ length: 12 }, (_, i) => say(deps, ana, i % 2 ? 'export pack' : 'export transcript csv')));
    const transcripts = replies.map((r) => {
      const p = expectKind(r, 'paperwork').paperwork;
      if (p.what === 'report') throw new Error('expected a transcript or a pack');
      return p.what === 'pack' ? p.pack.transcript : p.transcript;
    });
    for (const t of transcripts) expect(t).toEqual(transcripts[0]);
    expect(await auditCount('paperwork.exported', ana.personId)).toBe(12);
  });

  it('answers a wrong export with its help', async () => {
    expect(await say(deps, ana, 'export everything')).toMatchObject({ kind: 'help', topic: 'export' });
  });
});
