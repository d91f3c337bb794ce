import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { folderDelivery } from '../../../adapters/shell/export-folder.ts';
import { ShellSession } from '../../../adapters/shell/session.ts';
import { testDeps } from '../../builders/deps.ts';
import { useTestDatabase } from '../../support/test-database.ts';

const database = useTestDatabase();

/** The terminal session writes exports into its folder; a folder it cannot write to is said so, nothing half-written. */
describe('terminal session: paperwork into the export folder', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'recert-export-folder-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  function session(folder: string): ShellSession {
    const deps = testDeps(database.current.db);
    return new ShellSession({
      deps,
      organisation: { externalId: `local-${path.basename(folder)}`, name: 'Local organisation', timeZone: 'America/New_York' },
      readFile: (p) => Promise.resolve({ kind: 'missing', path: p }),
      newReference: () => 'REF1',
      deliverPaperwork: folderDelivery(deps, folder),
    });
  }

  it('writes the transcript, says where, and two exports at once both land whole', async () => {
    const folder = path.join(dir, 'out');
    const s = session(folder);
    await s.speakAs('Ana');
    const outcome = await s.handle('export transcript');
    expect(outcome.replies[0]).toMatchObject({ kind: 'paperwork', delivered: { place: { kind: 'folder', path: folder }, files: [{ name: 'transcript-ana-2026-11-27.pdf', mediaType: 'application/pdf' }] } });
    const both = await Promise.all([s.handle('export transcript csv'), s.handle('export transcript csv')]);
    expect(both.map((o) => o.replies[0]?.kind)).toEqual(['paperwork', 'paperwork']);
    expect((await readdir(folder)).sort()).toEqual(['transcript-ana-2026-11-27.csv', 'transcript-ana-2026-11-27.pdf']);
    expect((await readFile(path.join(folder, 'transcript-ana-2026-11-27.pdf'))).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('a file where the folder should be: a notice naming the folder, no crash', async () => {
    const blocked = path.join(dir, 'blocked');
    await writeFile(blocked, 'not a folder');
    const s = session(blocked);
    await s.speakAs('Ben');
    const outcome = await s.handle('export pack');
    expect(outcome.notice).toContain(`I could not write to ${blocked}`);
    expect(outcome.notice).toContain('RECERT_EXPORT_DIR');
  });
});
