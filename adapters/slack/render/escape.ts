import { COMMAND } from '../ids.ts';

/**
 * Slack reads `<…>` in mrkdwn as a mention or a link and `&` as the start of an entity, so text that
 * comes from people (titles, file names, numbers) is escaped before it goes into mrkdwn: a title
 * like `<!channel>` or `<http://evil|click>` then shows as typed instead of pinging or linking.
 * Only these three characters are special to Slack; `*` or `_` in a title merely format it.
 */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Commands the shared wording writes bare, as in the terminal (`cert <number> issued <date>`). */
const BARE_COMMANDS = ['cert', 'fee', 'history', 'undo', 'status', 'log', 'edit', 'delete', 'help'] as const;
const BARE_COMMAND_SPAN = new RegExp(`\`(${BARE_COMMANDS.join('|')})(?=[\\s\`])`, 'g');

/**
 * adapters/common writes commands bare (`history`, `cert <number> issued <date>`) because the
 * terminal has no slash command; in Slack they are typed as `/ceu history`. Only code spans that
 * start with a known command are touched, so ordinary words stay as they are.
 */
export function withSlashCommands(text: string): string {
  return text.replace(BARE_COMMAND_SPAN, `\`${COMMAND} $1`);
}

/** Shared wording (which may quote user text, e.g. titles in reasons) made safe and Slack-shaped. */
export function commonText(text: string): string {
  return withSlashCommands(escapeMrkdwn(text));
}
