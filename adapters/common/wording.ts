import { code, type PresentContext, type Rich, type Span } from './presentation.ts';

/**
 * Commands the shared wording writes bare (`cert <number> issued <date>`, `history`): in a code span
 * that starts with one of them, the platform's command prefix is put in front ("/ceu " in Slack).
 * Answers (`yes`, `registered`) and terminal-only words (`proof`, `as NAME`) are not commands.
 */
export const COMMAND_WORDS = ['cert', 'fee', 'history', 'undo', 'status', 'log', 'edit', 'delete', 'help'] as const;

const COMMAND_START = new RegExp(`^(?:${COMMAND_WORDS.join('|')})(?=\\s|$)`);

/** A command as the person types it on this platform: cmd('status') → `/ceu status` in Slack. */
export function cmd(words: string, context: PresentContext): Span {
  return code(`${context.commandPrefix}${words}`);
}

/**
 * Shared wording (error messages, compliance reasons, warnings: plain strings where a backtick pair
 * marks a command or a literal) as spans, with the platform's prefix on commands. Text outside the
 * backticks stays plain, and each renderer escapes it; a backtick without its pair is kept as text.
 * User text quoted in such a string (a title in a reason) is escaped too; at worst a backtick pair in
 * it shows as code.
 */
export function wording(text: string, context: PresentContext): Rich {
  const spans: Span[] = [];
  const pattern = /`([^`]+)`/g;
  let at = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    if (match.index > at) spans.push(text.slice(at, match.index));
    const inner = match[1] ?? '';
    spans.push(COMMAND_START.test(inner) ? cmd(inner, context) : code(inner));
    at = match.index + match[0].length;
  }
  if (at < text.length) spans.push(text.slice(at));
  return spans;
}
