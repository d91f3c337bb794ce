import { withoutCommandName } from '../common/command-text.ts';
import { COMMAND } from './ids.ts';

/** What a person asked, without `/ceu` (or `ceu`) in front: commands and messages read the same. */
export function commandText(text: string): string {
  return withoutCommandName(text, COMMAND.slice(1));
}
