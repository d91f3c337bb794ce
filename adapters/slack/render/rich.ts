import type { Rich, Span } from '../../common/presentation.ts';
import { escapeMrkdwn } from './escape.ts';

/** The model's inline marks as Slack mrkdwn. Every text is escaped first, so people's text stays as typed. */
function spanMrkdwn(span: Span): string {
  if (typeof span === 'string') return escapeMrkdwn(span);
  const text = escapeMrkdwn(span.text);
  switch (span.mark) {
    case 'strong':
      return `*${text}*`;
    case 'em':
      return `_${text}_`;
    case 'code':
      return `\`${text}\``;
  }
}

export function mrkdwn(text: Rich): string {
  return text.map(spanMrkdwn).join('');
}
