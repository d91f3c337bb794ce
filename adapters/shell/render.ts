import type { Reply } from '../../src/index.ts';
import { present, type PresentContext } from '../common/present.ts';
import { renderText } from './render-text.ts';

/** The terminal types commands bare (`status`, `history 2`) and attaches files by path. */
export const TERMINAL_WORDING: PresentContext = { commandPrefix: '', surface: 'terminal' };

/** Plain text for the terminal. One reply → one block of lines. */
export function renderReply(reply: Reply): string {
  // In the terminal everyone reads the same screen, so a private message says whom it is for.
  if (reply.kind === 'notify') return `→ to ${reply.to.displayName}, privately:\n${renderReply(reply.message)}`;
  return renderText(present(reply, TERMINAL_WORDING));
}
