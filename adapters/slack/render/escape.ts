/**
 * Slack reads `<…>` in mrkdwn as a mention or a link and `&` as the start of an entity, so text that
 * comes from people (titles, file names, numbers) is escaped before it goes into mrkdwn: a title
 * like `<!channel>` or `<http://evil|click>` then shows as typed instead of pinging or linking.
 * Only these three characters are special to Slack; `*` or `_` in a title merely format it.
 */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
