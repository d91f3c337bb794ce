import type { Actor } from '../domain/people.ts';
import type { Reply } from '../replies.ts';
import type { CoreDeps } from '../use-cases/deps.ts';
import { addToRoster, setOnRoster } from '../use-cases/roster/membership.ts';
import { listRoster } from '../use-cases/roster/list.ts';
import { setOnRosterFor, type RosterSetting } from '../use-cases/roster/set.ts';
import { findSubjectOrRefuse } from '../use-cases/about.ts';
import type { Mentions, Subject } from '../use-cases/subjects.ts';
import { certInput, feeInput } from './command-use-cases.ts';
import type { RosterIntent, RosterSetText } from './roster-intent.ts';

/** Run a roster intent. Who may is decided in each use case, not here. */
export async function dispatchRoster(deps: CoreDeps, actor: Actor, intent: RosterIntent, mentions: Mentions): Promise<Reply> {
  switch (intent.kind) {
    case 'roster':
      return listRoster(deps, actor, intent.page);
    case 'roster-add':
      return addToRoster(deps, actor, { people: intent.people, mentions });
    case 'roster-remove':
      return setOnRoster(deps, actor, await findSubjectOrRefuse(deps, actor, { ref: intent.who, mentions }, 'manage-roster'), intent.restore);
    case 'roster-set': {
      const subject = await findSubjectOrRefuse(deps, actor, { ref: intent.who, mentions }, 'manage-roster');
      return setOnRosterFor(deps, actor, subject, settingOf(deps, actor, subject, intent.setting));
    }
    case 'roster-import':
      // A file comes with the message (Slack) or by path (the terminal): the adapter reads it and calls importRoster.
      return { kind: 'help', topic: 'roster' };
  }
}

/** Dates typed for someone else are read in their zone ("yesterday" is theirs). */
function settingOf(deps: CoreDeps, actor: Actor, subject: Subject, text: RosterSetText): RosterSetting {
  const inTheirZone = { ...actor, timeZone: subject.zone };
  switch (text.field) {
    case 'certificate':
      return { field: 'certificate', certificate: certInput(deps, inTheirZone, text.cert) };
    case 'fee':
      return { field: 'fee', fee: feeInput(deps, inTheirZone, text.fee) };
    case 'teams':
      return { field: 'teams', teams: text.teams };
  }
}
