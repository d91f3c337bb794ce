import { readDuration } from '../reading/duration.ts';
import { readActivityKind } from '../reading/activity-kind.ts';
import type { HelpTopic, Intent } from './intent.ts';
import { parseCert, parseEdit, parseFee, parseProof } from './interpret-commands.ts';
import { MANAGER_MATCHERS, managerQuestion } from './interpret-manager.ts';
import { REMIND_MATCHERS } from './interpret-remind.ts';
import { PAPERWORK_MATCHERS } from './interpret-paperwork.ts';
import { ROSTER_MATCHERS } from './interpret-roster.ts';
import { AUDIT_MATCHERS } from './interpret-audit.ts';
import { readRequest } from './interpret-requests.ts';
import { readCertSentence, readFeeSentence, readGreeting, readProofSentence, readYesNo } from './interpret-natural.ts';


const ANY = /^[\s\S]+$/;

const MATCHERS: readonly (readonly [RegExp, (match: RegExpExecArray) => Intent | null])[] = [
  [/^(help|\?|commands)(?:\s+(log|cert|fee|proof|edit|report|manage|managers?|roles?|teams?|remind|reminders?|digest|export|paperwork|transcript|roster|audits?))?$/i, (m) => ({ kind: 'help', topic: topicOf(m[2]) })],
  ...MANAGER_MATCHERS,
  ...REMIND_MATCHERS,
  ...PAPERWORK_MATCHERS,
  ...ROSTER_MATCHERS,
  ...AUDIT_MATCHERS,
  [/^(status|progress|where am i)\??$/i, () => ({ kind: 'status' })],
  [/^(history|entries|list)(?:\s+(?:page\s+)?(\d{1,4}))?$/i, (m) => ({ kind: 'history', page: Number(m[2] ?? 1) })],
  [/^undo$/i, () => ({ kind: 'undo' })],
  // Answers to "did you register for this call through MLN?", which may repeat the question's words.
  [/^(?:yes,?\s+)?(?:i\s+)?registered(?:\s+(?:through|via|with|on|at|in)\s+(?:the\s+)?mln(?:\s+registration\s+site)?)?[.!]*$/i, () => ({ kind: 'confirm', registered: true })],
  [/^(?:(?:no|yes),?\s+)?(?:not registered|unregistered|(?:i\s+)?did ?n[o']?t register)(?:\s+(?:through|via|with|on|at|in)\s+(?:the\s+)?mln(?:\s+registration\s+site)?)?[.!]*$/i, () => ({ kind: 'confirm', registered: false })],
  // "yes", "yep 👍", "nah", "yes to Course A", "no 2"; then "hi", and sentences for a certificate, a fee, a file.
  [ANY, (m) => readYesNo(m[0])],
  [ANY, (m) => readGreeting(m[0]) ?? readRequest(m[0]) ?? readCertSentence(m[0]) ?? readFeeSentence(m[0]) ?? readProofSentence(m[0])],
  [/^log(?:\s+([\s\S]*))?$/i, (m) => logOrUsage(m[1])],
  [/^(?:cert|certificate|renew|credential)(?:\s+([\s\S]*))?$/i, (m) => parseCert(m[1] ?? '')],
  [/^fee(?:\s+([\s\S]*))?$/i, (m) => parseFee(m[1] ?? '')],
  [/^(?:proof|attach)(?:\s+([\s\S]*))?$/i, (m) => parseProof(m[1] ?? '')],
  [/^(?:edit|change|fix)(?:\s+([\s\S]*))?$/i, (m) => parseEdit(m[1] ?? '')],
  [/^(?:delete|remove)\s+(?:entry\s+)?#?(\d{1,6})$/i, (m) => ({ kind: 'delete', seq: Number(m[1]) })],
  [/^(?:delete|remove)\b/i, () => ({ kind: 'unknown', text: '', reason: 'usage', topic: 'edit' })],
];

/**
 * Read a chat message (or a slash command's text) into what the person wants. A platform's command
 * name ("/ceu" in Slack) is the adapter's business: it strips it before the text gets here.
 */
export function interpret(message: string): Intent {
  const text = message.trim();
  if (!text) return { kind: 'unknown', text, reason: 'empty' };
  const question = managerQuestion(text);
  if (question) return question;
  for (const [pattern, build] of MATCHERS) {
    const match = pattern.exec(text);
    if (!match) continue;
    const intent = build(match);
    if (!intent) continue;
    // "Certificate of completion: MLN webinar… 45 min" or "Fee schedule webinar, 1 hour" start like
    // commands but do not parse as one: they are trainings, not requests for the command's help.
    if (intent.kind === 'unknown' && intent.reason === 'usage' && !/^(log|cert|fee|proof|edit|delete|remove)$/i.test(text) && looksLikeTraining(text)) {
      return { kind: 'log', text, explicit: false };
    }
    return intent;
  }
  return looksLikeTraining(text) ? { kind: 'log', text, explicit: false } : { kind: 'unknown', text, reason: 'unrecognised' };
}

/**
 * Free text is a training when it names a length or an activity (course, webinar, call…), or
 * mentions MLN/CMS/CE. "I took my dog for a walk" is not; the bot says it did not understand.
 */
export function looksLikeTraining(text: string): boolean {
  if (readDuration(text).kind !== 'missing') return true;
  if (readActivityKind(text).stated) return true;
  return /\b(mln|cms|cme|ceus?|medicare learning network)\b/i.test(text);
}

function logOrUsage(rest: string | undefined): Intent {
  const text = rest?.trim() ?? '';
  return text ? { kind: 'log', text, explicit: true } : { kind: 'unknown', text: '', reason: 'usage', topic: 'log' };
}

function topicOf(word: string | undefined): HelpTopic {
  const topic = word?.toLowerCase();
  if (topic === 'log' || topic === 'cert' || topic === 'fee' || topic === 'proof' || topic === 'edit' || topic === 'report' || topic === 'export' || topic === 'roster') return topic;
  if (topic === 'paperwork' || topic === 'transcript') return 'export';
  if (topic && /^(remind|reminders?|digest)$/.test(topic)) return 'remind';
  if (topic === 'audit' || topic === 'audits') return 'audit';
  return topic && /^(manage|managers?|roles?|teams?)$/.test(topic) ? 'manage' : 'all';
}
