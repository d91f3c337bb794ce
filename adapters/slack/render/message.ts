import type { Reply } from '../../../src/index.ts';
import type { SlackMessage } from './blocks.ts';
import { renderHistory } from './history.ts';
import { fitMessage } from './limits.ts';
import {
  renderCancelled,
  renderCredential,
  renderDeleted,
  renderError,
  renderFee,
  renderHelp,
  renderNotUnderstood,
  renderProof,
  renderUndone,
  renderUpdated,
  renderWelcome,
} from './misc.ts';
import { managerLines } from '../../common/manager-lines.ts';
import { packedSections, section } from './blocks.ts';
import { escapeMrkdwn } from './escape.ts';
import { renderReport } from './report.ts';
import { renderStatus } from './status.ts';
import { renderLogged, renderPreview, renderQuestion } from './training.ts';

export type { SlackMessage } from './blocks.ts';

/** One reply → one Slack message (plain fallback + blocks), always within Block Kit's limits. */
export function renderMessage(reply: Reply): SlackMessage {
  return fitMessage(renderUnfitted(reply));
}

function renderUnfitted(reply: Reply): SlackMessage {
  switch (reply.kind) {
    case 'welcome':
      return renderWelcome(reply);
    case 'help':
      return renderHelp(reply);
    case 'not-understood':
      return renderNotUnderstood();
    case 'training-preview':
      return renderPreview(reply);
    case 'question':
      return renderQuestion(reply);
    case 'training-logged':
      return renderLogged(reply);
    case 'draft-cancelled':
      return renderCancelled(reply);
    case 'undone':
      return renderUndone(reply);
    case 'status':
      return renderStatus(reply.status);
    case 'history':
      return renderHistory(reply);
    case 'training-updated':
      return renderUpdated(reply);
    case 'training-deleted':
      return renderDeleted(reply);
    case 'proof-attached':
      return renderProof(reply);
    case 'credential-saved':
      return renderCredential(reply);
    case 'fee-recorded':
      return renderFee(reply);
    case 'compliance-report':
      return renderReport(reply);
    case 'role-changed':
    case 'roles':
    case 'team-changed':
    case 'teams': {
      const { heading, lines } = managerLines(reply);
      return { text: [heading, ...lines].join('\n'), blocks: [section(escapeMrkdwn(heading)), ...packedSections(lines.map((l) => `• ${escapeMrkdwn(l)}`))] };
    }
    case 'notify':
      return renderUnfitted(reply.message); // sent to that person's DM by sendReplies
    case 'error':
      return renderError(reply);
  }
}
