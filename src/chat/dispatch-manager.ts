import { addDays, addMonths, localDate } from '../domain/dates.ts';
import type { Actor } from '../domain/people.ts';
import type { Reply } from '../replies.ts';
import type { CoreDeps } from '../use-cases/deps.ts';
import { getHistory } from '../use-cases/get-history.ts';
import { getStatus } from '../use-cases/get-status.ts';
import { exportPaperwork } from '../use-cases/paperwork/export-paperwork.ts';
import { getComplianceReport } from '../use-cases/report/compliance-report.ts';
import { changeRole, listRoles } from '../use-cases/roles.ts';
import type { Mentions } from '../use-cases/subjects.ts';
import { changeTeam, showTeams } from '../use-cases/teams.ts';
import type { ManagerIntent } from './manager-intent.ts';

/** Run a manager's intent. Who may is decided in each use case, not here. */
export function dispatchManager(deps: CoreDeps, actor: Actor, intent: ManagerIntent, mentions: Mentions): Promise<Reply> {
  switch (intent.kind) {
    case 'report': {
      const filters = intent.expiringThisMonth ? { ...intent.filters, expiringBy: lastDayOfMonth(deps, actor) } : intent.filters;
      return getComplianceReport(deps, actor, filters, intent.page);
    }
    case 'status-of':
      return getStatus(deps, actor, { ref: intent.who, mentions });
    case 'history-of':
      return getHistory(deps, actor, intent.page, { ref: intent.who, mentions });
    case 'role':
      return changeRole(deps, actor, { ref: intent.who, mentions }, { role: intent.role, teams: intent.teams });
    case 'roles':
      return listRoles(deps, actor);
    case 'team':
      return changeTeam(deps, actor, { team: intent.team, op: intent.op, people: intent.people, mentions });
    case 'teams':
      return showTeams(deps, actor);
    case 'export':
      return exportPaperwork(deps, actor, intent.request, intent.who ? { ref: intent.who, mentions } : undefined);
  }
}

/** The last day of the current month in the asker's zone ("who expires this month"). */
function lastDayOfMonth(deps: CoreDeps, actor: Actor): string {
  const today = localDate(deps.clock.now(), actor.timeZone);
  return addDays(addMonths(`${today.slice(0, 7)}-01`, 1), -1);
}
