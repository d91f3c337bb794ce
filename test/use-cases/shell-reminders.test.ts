import { describe, expect, it } from 'vitest';
import { renderReply } from '../../adapters/shell/render.ts';
import { ShellSession } from '../../adapters/shell/session.ts';
import { testDeps } from '../builders/deps.ts';
import { useTestDatabase } from '../support/test-database.ts';

const database = useTestDatabase();

describe('reminders in the terminal session', () => {
  it('configures "this terminal" (the one conversation) and shows its settings and next send times in text', async () => {
    const deps = testDeps(database.current.db, '2026-11-27T15:00:00Z');
    const session = new ShellSession({ deps, organisation: { externalId: 'terminal-test', name: 'Clinic', timeZone: 'America/New_York' }, readFile: async (path) => ({ kind: 'missing', path }), newReference: () => 'R-1', deliverPaperwork: async (reply) => reply });
    const say = async (line: string) => (await session.handle(line)).replies.map(renderReply).join('\n');
    // The terminal's first person is its admin; the next is a scribe, and is refused.
    await session.speakAs('Alex');
    await session.speakAs('Blair');
    expect(await say('remind show')).toContain('Only managers and admins can set up reminders');
    await session.speakAs('Alex');
    await say('cert CMSS-12345 issued 2026-01-15');
    expect(await say('remind here 30,7 at 9:00 weekdays')).toContain('this terminal will get a reminder digest before certificates expire.');
    const shown = await say('remind show');
    expect(shown).toContain('Reminders for this terminal:');
    expect(shown).toMatch(/Reminders: +30, 7 days before, then weekly while expired/);
    expect(shown).toMatch(/Days: +Weekdays only/);
    // 30 days before Jan 15 is Wednesday Dec 16, 09:00 in New York.
    expect(shown).toContain('Next reminders');
    expect(shown).toContain('Wed Dec 16, 2026 09:00 EST — 1 person');
    expect(shown).toContain('DMs to people: on');
    expect(await say('remind here at 25:00')).toContain('"25:00" is not a time of day');
    expect(await say('help remind')).toContain('remind dms off');
  });
});
