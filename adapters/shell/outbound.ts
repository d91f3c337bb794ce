import type { OutboundAddress, OutboundImage, OutboundPort, ReminderMessage, SendOutcome } from '../../src/index.ts';
import { presentReminder } from '../common/present/reminders.ts';
import { TERMINAL_WORDING } from './render.ts';
import { renderText } from './render-text.ts';

/**
 * The outbound port in the terminal: every nudge is printed, addressed to whom it is for. Its
 * "message id" counts the prints of this process.
 */
export function terminalOutbound(write: (text: string) => void, platform = 'shell'): OutboundPort {
  let printed = 0;
  const header = (to: OutboundAddress) => (to.kind === 'channel' ? `→ to ${to.address}:` : `→ to ${to.platformUserId}, privately:`);
  return {
    platform,
    perConversationPerSecond: 1_000,
    perTenantPerSecond: null,
    async post(to: OutboundAddress, message: ReminderMessage): Promise<SendOutcome> {
      write(`${header(to)}\n${renderText(presentReminder(message, TERMINAL_WORDING))}`);
      printed += 1;
      return { status: 'sent', messageId: `terminal-${printed}` };
    },
    async uploadImage(to: OutboundAddress, image: OutboundImage): Promise<SendOutcome> {
      write(`${header(to)}\n[chart: ${image.title}, ${image.weeks.length} weeks]`);
      printed += 1;
      return { status: 'sent', messageId: `terminal-${printed}` };
    },
  };
}
