import type { Middleware, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { accept, NOT_STORED_TEXT, UNREADABLE_TEXT } from '../inbound/accept.ts';
import { plainText, teamOf, type SlackRuntime } from '../runtime.ts';
import { openLogModal } from '../views/open-log-modal.ts';

/**
 * `/ceu …`: stored in the inbox, then acknowledged; the answer follows through the response_url.
 * `/ceu` alone opens "Log a training" at once (the trigger lives 3 s). Private unless `share`.
 */
export function ceuCommand(rt: SlackRuntime): Middleware<SlackCommandMiddlewareArgs> {
  return async ({ command, ack, client }) => {
    const teamId = teamOf(rt, 'command', command.team_id);
    if (!teamId || !command.user_id) return void (await ack(UNREADABLE_TEXT));
    // Slack escapes &, < and > in command text as it does in messages; mentions stay as Slack wrote
    // them (`<@U0123|ana>`) until processing looks the people up.
    const { text, share } = readShare(command.text ?? '');
    if (!plainText(text)) {
      await ack();
      await openLogModal(rt, client, { triggerId: command.trigger_id, teamId, userId: command.user_id, metadata: {} });
      return;
    }
    const where = { teamId, enterpriseId: command.enterprise_id || null, isEnterpriseInstall: command.is_enterprise_install === 'true', userId: command.user_id };
    const stored = await accept(rt, `trigger:${command.trigger_id}`, { ...where, kind: 'command', channelId: command.channel_id, ...(command.channel_name ? { channelName: command.channel_name.slice(0, 200) } : {}), text, responseUrl: command.response_url, share }).catch((error: unknown) => {
      rt.log.error('slack command not stored', { error: error instanceof Error ? error.message : String(error) });
      return 'failed' as const;
    });
    if (stored === 'failed') return void (await ack(NOT_STORED_TEXT));
    if (stored === 'invalid') return void (await ack(UNREADABLE_TEXT));
    await ack();
  };
}

function readShare(raw: string): { text: string; share: boolean } {
  const text = raw.trim();
  const match = /^(.*?)\s+share$/i.exec(text);
  return match ? { text: match[1]?.trim() ?? '', share: true } : { text, share: false };
}
