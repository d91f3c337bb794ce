import type { ReportFilters } from '../domain/report.ts';
import type { Intent } from './intent.ts';
import type { ManagerIntent } from './manager-intent.ts';
import { readMentions, singleMention } from './mentions.ts';

type Matcher = readonly [RegExp, (match: RegExpExecArray) => Intent | null];

/** Plain questions a manager asks, and the report each means. */
const QUESTIONS: readonly [RegExp, () => ManagerIntent][] = [
  [/^(?:who(?:'s| is| are)?|which (?:scribes?|people)(?: are)?)\s+(?:out of compliance|not compliant|non-?compliant|behind|missing (?:ce|credit|hours)|at risk|lapsed)\??$/i, () => report({})],
  [/^(?:who(?:'s| is)?|which (?:scribes?|people))\s+(?:expir(?:es|ing)|up for renewal)\s+this month\??$/i, () => ({ kind: 'report', filters: {}, page: 1, expiringThisMonth: true })],
  [/^(?:who(?:'s| is)?)\s+(?:expir(?:es|ing)|up for renewal)\s+(?:in|within|in the next)\s+(\d{1,3})\s+days?\??$/i, () => report({})],
  [/^who\s+(?:hasn'?t|has not|haven'?t|have not|didn'?t|did not)\s+paid?(?:\s+(?:the|their))?(?:\s+(?:renewal\s+)?fees?)?\??$/i, () => report({ unpaid: true })],
  [/^who(?:'s| is)?\s+missing\s+(?:proof|certificates?|documentation)\??$/i, () => report({ missingProof: true })],
  [/^(?:show\s+(?:me\s+)?)?(?:the\s+)?(?:team|compliance|manager)\s+report\??$/i, () => report({})],
];

function report(filters: ReportFilters): ManagerIntent {
  return { kind: 'report', filters, page: 1 };
}

export const MANAGER_MATCHERS: readonly Matcher[] = [
  [/^report\b\s*([\s\S]*)$/i, (m) => parseReport(m[1] ?? '')],
  [/^(?:status|progress)\s+(@[\s\S]+)$/i, (m) => personIntent('status-of', m[1] ?? '')],
  [/^(?:history|entries)\s+(@\S+|@"[^"]+")(?:\s+(?:page\s+)?(\d{1,4}))?$/i, (m) => historyOf(m[1] ?? '', m[2])],
  [/^roles$/i, () => ({ kind: 'roles' })],
  [/^role\s+([\s\S]+)$/i, (m) => parseRole(m[1] ?? '')],
  [/^teams$/i, () => ({ kind: 'teams' })],
  [/^team\s+(?:"([^"]+)"|(.+?))\s+(add|remove)\s+([\s\S]+)$/i, (m) => parseTeam(m[1] ?? m[2] ?? '', m[3] ?? '', m[4] ?? '')],
];

/** A manager's plain question ("who is out of compliance?"), or null. */
export function managerQuestion(text: string): ManagerIntent | null {
  const days = /(\d{1,3})\s+days?\??$/i.exec(text);
  for (const [pattern, build] of QUESTIONS) {
    if (!pattern.test(text)) continue;
    const intent = build();
    return days && intent.kind === 'report' && /expir|renewal/i.test(text) ? { ...intent, filters: { expiringWithinDays: Number(days[1]) } } : intent;
  }
  return null;
}

/** `report [expiring 30d] [missing-proof] [unpaid] [team "Night shift"] [page 2]`, in any order. */
function parseReport(rest: string): Intent {
  let text = ` ${rest.trim()} `;
  const take = (pattern: RegExp): RegExpExecArray | null => {
    const match = pattern.exec(text);
    if (match) text = text.replace(match[0], ' ');
    return match;
  };
  const team = take(/\s(?:team|for)\s+(?:"([^"]+)"|'([^']+)'|(\S+(?:\s+shift)?))\s/i);
  const expiring = take(/\s(?:expiring|expires?)\s+(?:in\s+|within\s+)?(\d+)\s*(?:d|days?)?\s/i);
  const missingProof = take(/\s(?:missing[- ]proof|no[- ]proof|without[- ]proof|proof)\s/i);
  const unpaid = take(/\s(?:unpaid|fee[- ]unpaid|not[- ]paid)\s/i);
  const page = take(/\s(?:page\s+)?(\d+)\s/i);
  if (text.trim()) return { kind: 'unknown', text: rest, reason: 'usage', topic: 'report' };
  const teamName = team?.[1] ?? team?.[2] ?? team?.[3];
  const filters: ReportFilters = {
    ...(expiring ? { expiringWithinDays: Number(expiring[1]) } : {}),
    ...(missingProof ? { missingProof: true } : {}),
    ...(unpaid ? { unpaid: true } : {}),
    ...(teamName ? { team: teamName.trim() } : {}),
  };
  return { kind: 'report', filters, page: page ? Number(page[1]) : 1 };
}

function personIntent(kind: 'status-of', text: string): Intent | null {
  const who = singleMention(text);
  return who ? { kind, who } : null;
}

function historyOf(text: string, page: string | undefined): Intent | null {
  const who = singleMention(text);
  return who ? { kind: 'history-of', who, page: Number(page ?? 1) } : null;
}

/** `role @carla manager [of "Night shift"[, "Day shift"]]`, `role @ana scribe`, `role @eli admin`. */
function parseRole(rest: string): Intent {
  const { refs, rest: words } = readMentions(rest);
  const match = /^(admin|administrator|manager|scribe)s?(?:\s+(?:of|for)\s+([\s\S]+))?$/i.exec(words);
  const who = refs[0];
  if (!match?.[1] || !who || refs.length !== 1) return { kind: 'unknown', text: rest, reason: 'usage', topic: 'manage' };
  const word = match[1].toLowerCase();
  const role = word.startsWith('admin') ? 'admin' : word === 'manager' ? 'manager' : 'scribe';
  const teams = match[2] ? teamList(match[2]) : [];
  if (teams.length && role !== 'manager') return { kind: 'unknown', text: rest, reason: 'usage', topic: 'manage' };
  return { kind: 'role', who, role, teams };
}

/** `"Night shift", "Day shift"` or `Night shift and Day shift`. */
function teamList(text: string): string[] {
  const quoted = [...text.matchAll(/"([^"]+)"|'([^']+)'/g)].map((m) => (m[1] ?? m[2] ?? '').trim());
  if (quoted.length) return quoted.filter(Boolean);
  return text.split(/\s*(?:,|\band\b)\s*/i).map((t) => t.trim()).filter(Boolean);
}

function parseTeam(team: string, op: string, people: string): Intent {
  const { refs, rest } = readMentions(people);
  if (!team.trim() || refs.length === 0 || rest) return { kind: 'unknown', text: `team ${team} ${op} ${people}`, reason: 'usage', topic: 'manage' };
  return { kind: 'team', team: team.trim(), op: op.toLowerCase() === 'add' ? 'add' : 'remove', people: refs };
}
