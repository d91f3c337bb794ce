import type { Intent } from './intent.ts';
import { parseCert, parseFee } from './interpret-commands.ts';
import { readMentions, singleMention } from './mentions.ts';

type Matcher = readonly [RegExp, (match: RegExpExecArray) => Intent | null];

const USAGE: Intent = { kind: 'unknown', text: '', reason: 'usage', topic: 'roster' };

/** `roster`, `roster add @ana @ben`, `roster set @ana …`, `roster remove|restore @ana`, `roster import [skip-bad] [file]`. */
export const ROSTER_MATCHERS: readonly Matcher[] = [
  [/^roster(?:\s+(?:page\s+)?(\d{1,4}))?$/i, (m) => ({ kind: 'roster', page: Number(m[1] ?? 1) })],
  [/^roster\s+add\s+([\s\S]+)$/i, (m) => parseAdd(m[1] ?? '')],
  [/^roster\s+(remove|delete|deactivate|restore|reactivate)\s+([\s\S]+)$/i, (m) => parseRemove(m[1] ?? '', m[2] ?? '')],
  [/^roster\s+set\s+([\s\S]+)$/i, (m) => parseSet(m[1] ?? '')],
  [/^roster\s+import\b\s*([\s\S]*)$/i, (m) => parseImport(m[1] ?? '')],
  [/^roster\b/i, () => USAGE],
];

function parseAdd(text: string): Intent {
  const { refs, rest } = readMentions(text);
  return refs.length && !rest ? { kind: 'roster-add', people: refs } : USAGE;
}

function parseRemove(verb: string, text: string): Intent {
  const who = singleMention(text);
  return who ? { kind: 'roster-remove', who, restore: /^re(store|activate)$/i.test(verb) } : USAGE;
}

/** `@ana cert CMSS-123 issued 2026-02-01 [expires …]`, `@ana fee paid [$85] [on …]`, `@ana team "Night shift"[, "Day shift"]`. */
function parseSet(text: string): Intent {
  const mention = /^(@"[^"]{1,80}"|@\S+)\s+([\s\S]+)$/.exec(text.trim());
  const who = mention?.[1] ? singleMention(mention[1]) : null;
  const rest = mention?.[2]?.trim() ?? '';
  if (!who) return USAGE;
  const cert = /^(?:cert|certificate|credential)\s+([\s\S]+)$/i.exec(rest);
  if (cert) {
    const intent = parseCert(cert[1] ?? '');
    return intent.kind === 'cert' ? { kind: 'roster-set', who, setting: { field: 'certificate', cert: intent } } : USAGE;
  }
  const fee = /^fee\s+([\s\S]+)$/i.exec(rest);
  if (fee) {
    const intent = parseFee(fee[1] ?? '');
    return intent.kind === 'fee' ? { kind: 'roster-set', who, setting: { field: 'fee', fee: intent } } : USAGE;
  }
  const team = /^teams?\s+([\s\S]+)$/i.exec(rest);
  if (team) return { kind: 'roster-set', who, setting: { field: 'teams', teams: teamNames(team[1] ?? '') } };
  return USAGE;
}

/** `"Night shift", "Day shift"`, `Night shift`, or `none` (in no team). */
function teamNames(text: string): string[] {
  if (/^(?:none|no team)$/i.test(text.trim())) return [];
  const quoted = [...text.matchAll(/"([^"]+)"|'([^']+)'/g)].map((m) => (m[1] ?? m[2] ?? '').trim());
  return (quoted.length ? quoted : text.split(',')).map((t) => t.trim()).filter(Boolean);
}

function parseImport(text: string): Intent {
  let rest = text.trim();
  const skipBad = /(?:^|\s)(?:--)?skip[- ]bad(?:\s|$)/i.test(rest);
  rest = rest.replace(/(?:^|\s)(?:--)?skip[- ]bad(?=\s|$)/i, ' ').trim().replace(/^["']|["']$/g, '');
  return { kind: 'roster-import', path: rest || null, skipBad };
}
