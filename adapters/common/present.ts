import type { Reply } from '../../src/index.ts';
import type { Presentation, PresentContext } from './presentation.ts';
import { presentHelp } from './present/help.ts';
import { presentHistory } from './present/history.ts';
import { presentCancelled, presentCredential, presentGreeting, presentError, presentFee, presentNotUnderstood, presentProof, presentUndone, presentWelcome } from './present/short.ts';
import { presentReport, presentRoleChanged, presentRoles, presentTeamChanged, presentTeams } from './present/manager.ts';
import { presentChannelReminders, presentDigestSet, presentDmsSet } from './present/reminder-settings.ts';
import { presentReminder, presentSnoozed } from './present/reminders.ts';
import { presentPaperwork } from './present/paperwork.ts';
import { presentRoster, presentRosterChanged, presentRosterImport } from './present/roster.ts';
import { presentStatus } from './present/status.ts';
import { presentAuditAttachReady, presentAuditClosed, presentAuditReminded, presentAuditRequest, presentAuditStarted, presentAuditStatus } from './present/audit.ts';
import { presentWaiting } from './present/waiting.ts';
import { presentDeleted, presentLogged, presentPreview, presentQuestion, presentUpdated } from './present/training.ts';

export type { Presentation, PresentContext } from './presentation.ts';

/**
 * Every reply, worded once for every platform: the sentences, their order, their emphasis, and
 * the actions offered. Renderers (Slack, terminal, Teams) only map this to their format. A new
 * reply kind is one case here (and a file in present/ when it is more than a sentence).
 */
export function present(reply: Reply, context: PresentContext): Presentation {
  switch (reply.kind) {
    case 'welcome':
      return presentWelcome(reply, context);
    case 'help':
      return presentHelp(reply.topic, context);
    case 'greeting':
      return presentGreeting(reply, context);
    case 'not-understood':
      return presentNotUnderstood(context);
    case 'training-preview':
      return presentPreview(reply, context);
    case 'question':
      return presentQuestion(reply, context);
    case 'drafts-waiting':
      return presentWaiting(reply, context);
    case 'training-logged':
      return presentLogged(reply, context);
    case 'draft-cancelled':
      return presentCancelled(reply);
    case 'undone':
      return presentUndone(reply);
    case 'status':
      return presentStatus(reply.status, context);
    case 'history':
      return presentHistory(reply, context);
    case 'training-updated':
      return presentUpdated(reply, context);
    case 'training-deleted':
      return presentDeleted(reply, context);
    case 'proof-attached':
      return presentProof(reply);
    case 'credential-saved':
      return presentCredential(reply);
    case 'fee-recorded':
      return presentFee(reply);
    case 'compliance-report':
      return presentReport(reply, context);
    case 'role-changed':
      return presentRoleChanged(reply);
    case 'roles':
      return presentRoles(reply, context);
    case 'team-changed':
      return presentTeamChanged(reply);
    case 'teams':
      return presentTeams(reply, context);
    case 'reminders-channel':
      return presentChannelReminders(reply, context);
    case 'reminders-dms':
      return presentDmsSet(reply);
    case 'manager-digest-set':
      return presentDigestSet(reply, context);
    case 'snoozed':
      return presentSnoozed(reply);
    case 'reminder':
      return presentReminder(reply.message, context);
    case 'paperwork':
      return presentPaperwork(reply);
    case 'roster':
      return presentRoster(reply, context);
    case 'roster-changed':
      return presentRosterChanged(reply);
    case 'roster-import':
      return presentRosterImport(reply, context);
    case 'notify':
      // Delivered privately to the person it is for; it reads as the message it carries.
      return present(reply.message, context);
    case 'audit-started':
      return presentAuditStarted(reply, context);
    case 'audit-status':
      return presentAuditStatus(reply, context);
    case 'audit-reminded':
      return presentAuditReminded(reply);
    case 'audit-closed':
      return presentAuditClosed(reply);
    case 'audit-request':
      return presentAuditRequest(reply, context);
    case 'audit-attach-ready':
      return presentAuditAttachReady(reply, context);
    case 'error':
      return presentError(reply, context);
  }
}
