import type { KnownBlock } from '@slack/types';

/**
 * Block Kit's limits, written out again independently of limits.ts (a test that reused the code
 * under test would prove nothing). Returns what is broken; [] means Slack would accept the blocks.
 */
export function limitViolations(blocks: readonly KnownBlock[], maxBlocks: number): string[] {
  const problems: string[] = [];
  const check = (ok: boolean, what: string): void => {
    if (!ok) problems.push(what);
  };
  check(blocks.length <= maxBlocks, `${blocks.length} blocks > ${maxBlocks}`);
  blocks.forEach((b, i) => {
    if (b.type === 'section') {
      check((b.text?.text.length ?? 0) <= 3000, `section ${i} text`);
      check((b.fields?.length ?? 0) <= 10, `section ${i} field count`);
      for (const f of b.fields ?? []) check(f.text.length <= 2000, `section ${i} field text`);
      check(b.text !== undefined || (b.fields?.length ?? 0) > 0, `section ${i} empty`);
    }
    if (b.type === 'header') check(b.text.text.length <= 150, `header ${i}`);
    if (b.type === 'context') {
      check(b.elements.length <= 10 && b.elements.length > 0, `context ${i} element count`);
      for (const e of b.elements) check(e.type === 'image' || e.text.length <= 3000, `context ${i} text`);
    }
    if (b.type === 'actions') {
      check(b.elements.length <= 25, `actions ${i} element count`);
      const ids = b.elements.map((e) => ('action_id' in e ? e.action_id : undefined));
      check(new Set(ids).size === ids.length, `actions ${i} duplicate action_id`);
      for (const e of b.elements) {
        if (e.type !== 'button') continue;
        check(e.text.text.length <= 75, `button text in ${i}`);
        check((e.value?.length ?? 0) <= 2000, `button value in ${i}`);
      }
    }
  });
  return problems;
}
