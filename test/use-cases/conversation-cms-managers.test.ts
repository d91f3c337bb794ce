import { describe, expect, it } from 'vitest';
import { renderReply } from '../../adapters/shell/render.ts';
import { getHistory } from '../../src/use-cases/get-history.ts';
import { saveCredential } from '../../src/use-cases/save-credential.ts';
import { givenOrganisation } from '../builders/organisation.ts';
import { testDeps } from '../builders/deps.ts';
import { useTestDatabase } from '../support/test-database.ts';
import { expectKind, say } from './helpers.ts';

const database = useTestDatabase();

// Issue 10: the scribe's answer to "is it a CMS/MLN training?" is stored with the entry and shown to
// managers wherever they see the person's entries: history of (and the report's details), the transcript.
describe('the CMS/MLN answer, as a manager sees it', () => {
  it('history @person and the transcript say which entries are CMS/MLN on the scribe’s word', async () => {
    const deps = testDeps(database.current.db, '2026-11-27T15:00:00Z');
    const org = await givenOrganisation(deps);
    const ana = await org.join('Ana');
    await saveCredential(deps, ana, { number: 'CMSS-9001', issuedOn: '2026-01-15' });
    expect(renderReply(await say(deps, ana, 'attended AHIMA coding seminar, 60 min, last week'))).toContain('Nothing here says CMS or MLN');
    expectKind(await say(deps, ana, 'yes'), 'training-logged');
    expectKind(await say(deps, ana, 'MLN webinar "Telehealth Billing" 45 min yesterday'), 'training-preview');
    expectKind(await say(deps, ana, 'yes'), 'training-logged');

    const history = expectKind(await getHistory(deps, org.admin, 1, { ref: { personId: ana.personId } }), 'history');
    const byTitle = new Map(history.entries.map((e) => [e.title, e.cmsConfirmed]));
    expect(byTitle).toEqual(new Map([['AHIMA coding seminar', true], ['Telehealth Billing', undefined]]));
    const shown = renderReply(await say(deps, org.admin, 'history @ana'));
    expect(shown.split('\n').find((l) => l.includes('AHIMA coding seminar'))).toContain('CMS/MLN as confirmed by the scribe');
    expect(shown.split('\n').find((l) => l.includes('Telehealth Billing'))).not.toContain('CMS/MLN as confirmed');

    const exported = expectKind(await say(deps, org.admin, 'export transcript @ana'), 'paperwork');
    if (exported.paperwork.what !== 'transcript') throw new Error('expected a transcript');
    expect(exported.paperwork.transcript.entries.map((e) => [e.title, e.cmsConfirmedByScribe])).toEqual([
      ['AHIMA coding seminar', true],
      ['Telehealth Billing', false],
    ]);
  });
});
