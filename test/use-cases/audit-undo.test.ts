import { describe, expect, it } from 'vitest';
import { renderReply } from '../../adapters/shell/render.ts';
import { ShellSession } from '../../adapters/shell/session.ts';
import { testDeps } from '../builders/deps.ts';
import { pdfBytes } from '../builders/files.ts';
import { useTestDatabase } from '../support/test-database.ts';

const database = useTestDatabase();

// Review finding 8 (docs/reviews/final-review.md): a scribe attached the requested certificate, then
// typed `undo` (or deleted the entry), and the audit still said "everything documented" and closed
// as passed with no proof on file.
describe('an audit follows the entry it asked for', () => {
  it('undoing the attachment or deleting the entry asks again; attaching again or undoing the delete answers again', async () => {
    const deps = testDeps(database.current.db, '2026-12-04T15:00:00Z');
    const session = new ShellSession({ deps, organisation: { externalId: 'audit-undo', name: 'Clinic', timeZone: 'UTC' }, readFile: async () => ({ kind: 'read', name: 'cert.pdf', bytes: pdfBytes() }), newReference: () => 'R-1', deliverPaperwork: async (reply) => reply });
    const say = async (line: string) => (await session.handle(line)).replies.map(renderReply).join('\n');
    const asManager = async (line: string) => {
      await session.speakAs('Dana');
      return say(line);
    };
    const asAna = async (line: string) => {
      await session.speakAs('Ana');
      return say(line);
    };
    await session.speakAs('Dana');
    await asAna('cert CMSS-501 issued 2026-03-01');
    await say('log "MLN Hospice Basics" 45 min yesterday');
    await say('yes');
    expect(await asManager('audit start 100% seed 5')).toContain('0 of 1 entry documented');
    const outstanding = '0 of 1 entry documented · 1 outstanding';
    const documented = '1 of 1 entry documented · 0 outstanding';

    expect(await asAna('proof 1 ./cert.pdf')).toContain('That answers the audit');
    expect(await asManager('audit status')).toContain(documented);
    expect(await asAna('undo')).toContain('no longer attached to entry #1');
    expect(await asManager('audit status')).toContain(outstanding);
    expect(await asAna('proof 1 ./cert.pdf')).toContain('That answers the audit');
    expect(await asManager('audit status')).toContain(documented);
    expect(await asAna('delete 1')).toContain('Deleted entry #1');
    expect(await asManager('audit status')).toContain(outstanding);
    expect(await asAna('undo')).toContain('is back');
    expect(await asManager('audit status')).toContain(documented);
    expect(await asAna('undo')).toContain('no longer attached');
    expect(await asManager('audit close passed')).toContain(outstanding);

    // Each change of the request is an audit event.
    const events = await database.current.db.selectFrom('audit_events').innerJoin('organisations', 'organisations.id', 'audit_events.organisation_id').select('audit_events.action').where('organisations.external_id', '=', 'audit-undo').where('audit_events.action', 'like', 'audit.item.%').orderBy('audit_events.occurred_at').orderBy('audit_events.id').execute();
    expect(events.map((e) => e.action)).toEqual(['audit.item.answered', 'audit.item.reopened', 'audit.item.answered', 'audit.item.reopened', 'audit.item.answered', 'audit.item.reopened']);
  }, 60_000);
});
