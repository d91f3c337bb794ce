import { describe, expect, it } from 'vitest';
import { present } from '../../../adapters/common/present.ts';
import { toSlackMessage } from '../../../adapters/slack/render/block-kit.ts';
import { ONE_OF_EACH } from '../../builders/replies.ts';

const SLACK = { commandPrefix: '/ceu ', surface: 'chat' } as const;
const TERMINAL = { commandPrefix: '', surface: 'terminal' } as const;

describe('present: an audit request (the sampled person\'s DM)', () => {
  const request = ONE_OF_EACH['audit-request'];

  it('lists each entry needing documentation and offers one Attach certificate button per entry, carrying the item id', () => {
    const p = present(request, SLACK);
    expect(p.actions).toEqual([{ id: { kind: 'audit-attach', itemId: request.items[0]?.itemId }, label: 'Attach certificate #2', primary: true }]);
    const blocks = JSON.stringify(toSlackMessage(p).blocks);
    expect(blocks).toContain('"action_id":"ceu_audit_attach:');
    expect(blocks).toContain(`"value":"${request.items[0]?.itemId}"`);
    // A title is data: Slack's control characters are escaped.
    expect(blocks).toContain('837P &amp; &lt;Form&gt; CMS-1500');
    expect(blocks).toContain('MLN certificate or contact-hour documentation for 1 entry');
  });

  it('in the terminal, says how to attach by path instead of a button', () => {
    const p = present(request, TERMINAL);
    expect(JSON.stringify(p.body)).toContain('proof 2 <file>');
    expect(present({ ...request, reminder: true }, TERMINAL).body[0]).toMatchObject({ kind: 'paragraph' });
    expect(JSON.stringify(present({ ...request, reminder: true }, TERMINAL).body)).toContain('A reminder: the audit still needs');
  });

  it('the manager\'s status puts the counts first, then the people', () => {
    const p = present(ONE_OF_EACH['audit-status'], TERMINAL);
    expect(JSON.stringify(p.body[0])).toContain('0 of 1 person answered · 1 of 2 entries documented · 1 outstanding');
    expect(JSON.stringify(p.body[1])).toContain('1 of 2 outstanding: ');
  });
});
