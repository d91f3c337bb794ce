import type { PresentContext } from '../../common/presentation.ts';
import { COMMAND } from '../ids.ts';

/** Slack's commands are typed as `/ceu …`; answers go in threads; certificates are shared as files. */
export const SLACK_WORDING: PresentContext = { commandPrefix: `${COMMAND} `, surface: 'chat' };
