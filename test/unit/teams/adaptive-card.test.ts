import { describe, expect, it } from 'vitest';
import type { Reply } from '../../../src/index.ts';
import { present } from '../../../adapters/common/present.ts';
import { CARD_VERSION, toAdaptiveCard } from '../../../adapters/teams/render/adaptive-card.ts';
import { TEAMS_WORDING } from '../../../adapters/teams/runtime.ts';
import { aStatus, ONE_OF_EACH } from '../../builders/replies.ts';

/**
 * Structural checks against the Adaptive Card 1.5 schema (adaptivecards.io/schemas/1.5.0): only
 * elements and actions of 1.5 that Teams renders, with the properties the schema requires and
 * values from its enums. (No JSON schema of 1.5 ships on npm; the `adaptivecards` package here is 1.2.)
 */
const ELEMENTS: Readonly<Record<string, readonly string[]>> = {
  TextBlock: ['text'],
  RichTextBlock: ['inlines'],
  FactSet: ['facts'],
  ColumnSet: ['columns'],
  Container: ['items'],
};
const COLORS = new Set(['Default', 'Dark', 'Light', 'Accent', 'Good', 'Warning', 'Attention']);
const CONTAINER_STYLES = new Set(['default', 'emphasis', 'good', 'attention', 'warning', 'accent']);

function problemsOf(card: ReturnType<typeof toAdaptiveCard>): string[] {
  const problems: string[] = [];
  if (card.type !== 'AdaptiveCard' || card.version !== '1.5') problems.push('not an AdaptiveCard 1.5');
  const element = (e: Record<string, unknown>, at: string): void => {
    const type = String(e.type);
    const required = ELEMENTS[type];
    if (!required) return void problems.push(`${at}: unknown element ${type}`);
    for (const key of required) if (!(key in e)) problems.push(`${at}: ${type} without ${key}`);
    if (e.color !== undefined && !COLORS.has(String(e.color))) problems.push(`${at}: colour ${String(e.color)}`);
    if (type === 'RichTextBlock') {
      for (const run of e.inlines as Record<string, unknown>[]) {
        if (run.type !== 'TextRun' || typeof run.text !== 'string') problems.push(`${at}: inline is not a TextRun`);
        if (run.color !== undefined && !COLORS.has(String(run.color))) problems.push(`${at}: run colour ${String(run.color)}`);
      }
    }
    if (type === 'FactSet') for (const f of e.facts as Record<string, unknown>[]) if (typeof f.title !== 'string' || typeof f.value !== 'string') problems.push(`${at}: fact needs title and value strings`);
    if (type === 'ColumnSet') {
      for (const c of e.columns as Record<string, unknown>[]) {
        if (c.type !== 'Column' || !Array.isArray(c.items)) problems.push(`${at}: column`);
        if (c.style !== undefined && !CONTAINER_STYLES.has(String(c.style))) problems.push(`${at}: column style`);
        if (!/^\d+$/.test(String(c.width))) problems.push(`${at}: column width`);
      }
    }
    if (type === 'Container') (e.items as Record<string, unknown>[]).forEach((item, i) => element(item, `${at}.items[${i}]`));
  };
  card.body.forEach((e, i) => element(e, `body[${i}]`));
  for (const a of card.actions ?? []) {
    if (a.type !== 'Action.Execute' || typeof a.title !== 'string' || typeof a.verb !== 'string') problems.push(`action ${JSON.stringify(a)}`);
    if (a.style !== undefined && a.style !== 'positive' && a.style !== 'destructive') problems.push('action style');
    const data = a.data as Record<string, unknown>;
    if (typeof data.action !== 'string' || typeof data.nonce !== 'string' || data.tenant !== 'tenant-a' || typeof data.ids !== 'object') problems.push('action data');
  }
  if (JSON.stringify(card).length > 80_000) problems.push('over 80 KB');
  return problems;
}

const cardOf = (reply: Reply) => {
  let n = 0;
  return toAdaptiveCard(present(reply, TEAMS_WORDING), { tenantId: 'tenant-a', newNonce: () => `n${(n += 1)}` });
};

describe('every reply kind renders to a valid Adaptive Card 1.5', () => {
  it.each(Object.values(ONE_OF_EACH).map((r) => [r.kind, r] as const))('%s', (_kind, reply) => {
    const card = cardOf(reply);
    expect(card.version).toBe(CARD_VERSION);
    expect(problemsOf(card)).toEqual([]);
    // The card says every sentence of the model (no renderer sentences: text comes only from present()).
    const p = present(reply, TEAMS_WORDING);
    const json = JSON.stringify(card);
    if (p.heading) expect(json).toContain(JSON.stringify(p.heading).slice(1, -1));
    expect(card.actions?.length ?? 0).toBe(p.actions.length);
  });

  it('shows people\'s text as typed: TextRuns take no markdown, fact values are escaped', () => {
    const card = cardOf({ ...ONE_OF_EACH['training-preview'], preview: { ...ONE_OF_EACH['training-preview'].preview, title: '**Bold** [link](http://x) <at>you</at>' } });
    const json = JSON.stringify(card);
    expect(json).not.toContain('"**Bold**');
    expect(json).toContain('\\\\*\\\\*Bold\\\\*\\\\*');
  });

  it('draws progress as a bar of 20 weighted cells, full only when the requirement is met', () => {
    const bar = (earned: number) => JSON.stringify(cardOf({ kind: 'status', status: aStatus({ earned, required: 16 }) }));
    expect(bar(8)).toContain('"width":"10","style":"good"');
    expect(bar(15.9)).toContain('"width":"19","style":"good"');
    expect(bar(16)).toContain('"width":"20","style":"good"');
    expect(bar(16)).not.toContain('"style":"emphasis"');
    expect(bar(0)).not.toContain('"style":"good"');
  });
});
