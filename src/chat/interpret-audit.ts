import type { AuditIntent } from './audit-intent.ts';
import type { Intent } from './intent.ts';

type Matcher = readonly [RegExp, (match: RegExpExecArray) => Intent | null];

const USAGE: Intent = { kind: 'unknown', text: '', reason: 'usage', topic: 'audit' };

/** `audit start 25% [expiring before 2027-03-31] [team "Night shift"] [seed 1234]`, `audit status|remind|close …`. */
export const AUDIT_MATCHERS: readonly Matcher[] = [
  [/^audits?(?:\s+([\s\S]*))?$/i, (m) => parseAudit(m[1]?.trim() ?? '')],
];

function parseAudit(text: string): Intent {
  const [verb = '', ...rest] = text.split(/\s+/);
  const words = rest.join(' ');
  switch (verb.toLowerCase()) {
    case 'start':
      return parseStart(words);
    case 'status':
    case 'remind':
      return withTeamOnly(verb.toLowerCase() === 'status' ? 'audit-status' : 'audit-remind', words);
    case 'close':
      return parseClose(words);
    default:
      return USAGE;
  }
}

/** Takes options out of a text one by one; what is left over makes the command a usage error. */
function taker(input: string): { take: (pattern: RegExp) => RegExpExecArray | null; rest: () => string } {
  let text = ` ${input} `;
  return {
    take: (pattern) => {
      const match = pattern.exec(text);
      if (match) text = text.replace(match[0], ' ');
      return match;
    },
    rest: () => text.trim(),
  };
}

const TEAM = /\s(?:team|for)\s+(?:"([^"]+)"|'([^']+)'|“([^”]+)”|(\S+(?:\s+shift)?))(?=\s)/i;
const teamOf = (m: RegExpExecArray | null): string | undefined => (m ? (m[1] ?? m[2] ?? m[3] ?? m[4] ?? '').trim() || undefined : undefined);

function parseStart(words: string): Intent {
  const t = taker(words);
  const percent = t.take(/\s(\d{1,3})\s*(?:%|percent)(?=\s)/i);
  const expiring = t.take(/\s(?:expiring|expires?)\s+(?:before|by)\s+(\S+)(?=\s)/i);
  const team = teamOf(t.take(TEAM));
  const seed = t.take(/\sseed\s+(\d{1,12})(?=\s)/i);
  if (!percent || t.rest()) return USAGE;
  const intent: AuditIntent = {
    kind: 'audit-start',
    percent: Number(percent[1]),
    ...(expiring?.[1] ? { expiringBefore: expiring[1] } : {}),
    ...(team ? { team } : {}),
    ...(seed?.[1] ? { seed: Number(seed[1]) } : {}),
  };
  return intent;
}

function withTeamOnly(kind: 'audit-status' | 'audit-remind', words: string): Intent {
  const t = taker(words);
  const team = teamOf(t.take(TEAM));
  if (t.rest()) return USAGE;
  return team ? { kind, team } : { kind };
}

function parseClose(words: string): Intent {
  const t = taker(words);
  const note = t.take(/\snote\s+(?:"([^"]*)"|“([^”]*)”|(.+?))(?=\s*$)/i);
  const team = teamOf(t.take(TEAM));
  const outcome = t.take(/\s(passed|pass|failed|fail)(?=\s)/i);
  if (t.rest()) return USAGE;
  const noteText = note ? (note[1] ?? note[2] ?? note[3] ?? '').trim() : '';
  const word = outcome?.[1]?.toLowerCase();
  return {
    kind: 'audit-close',
    ...(word ? { outcome: word.startsWith('pass') ? 'passed' : 'failed' } : {}),
    ...(noteText ? { note: noteText } : {}),
    ...(team ? { team } : {}),
  };
}
