import type { PaperworkRequest } from '../domain/paperwork.ts';
import type { Intent } from './intent.ts';
import { readMentions } from './mentions.ts';

type Matcher = readonly [RegExp, (match: RegExpExecArray) => Intent | null];

/**
 * Renewal paperwork: `export transcript [pdf|csv] [@name]`, `export pack [@name]` (also "evidence
 * pack"), and plain asks such as "send me my transcript"; `export report` (the organisation report as CSV).
 */
export const PAPERWORK_MATCHERS: readonly Matcher[] = [
  [/^export\b\s*([\s\S]*)$/i, (m) => parseExport(m[1] ?? '')],
  [/^(?:please\s+)?(?:send|give|email|get)\s+me\s+(?:my|a\s+copy\s+of\s+my)\s+(transcript|evidence\s+pack|pack)(?:\s+(?:as\s+(?:a\s+)?)?(pdf|csv))?(?:,?\s+please)?[.!?]*$/i, (m) => ({ kind: 'export', request: requestOf(m[1] ?? '', m[2]), who: null })],
  [/^(?:my\s+)?transcript(?:\s+(pdf|csv))?[.!?]*$/i, (m) => ({ kind: 'export', request: requestOf('transcript', m[1]), who: null })],
];

function requestOf(what: string, format: string | undefined): PaperworkRequest {
  if (/pack/i.test(what)) return { what: 'pack' };
  return { what: 'transcript', format: format?.toLowerCase() === 'csv' ? 'csv' : 'pdf' };
}

/** `export transcript [pdf|csv] [@name]` or `export pack [@name]`, in any order after the first word. */
function parseExport(rest: string): Intent {
  const { refs, rest: words } = readMentions(rest);
  const usage: Intent = { kind: 'unknown', text: `export ${rest}`.trim(), reason: 'usage', topic: 'export' };
  if (refs.length > 1) return usage;
  const who = refs[0] ?? null;
  const transcript = /^(?:my\s+)?transcript(?:\s+(?:as\s+)?(pdf|csv))?$/i.exec(words);
  if (transcript) return { kind: 'export', request: requestOf('transcript', transcript[1]), who };
  if (/^(?:my\s+)?(?:evidence\s+)?pack$/i.test(words)) return { kind: 'export', request: { what: 'pack' }, who };
  if (!who && /^(?:the\s+)?(?:compliance\s+|organi[sz]ation\s+)?report(?:\s+(?:as\s+)?csv)?$/i.test(words)) return { kind: 'export', request: { what: 'report' }, who: null };
  return usage;
}
