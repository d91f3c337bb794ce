import type { Reply } from '../../../src/index.ts';
import type { Presentation } from '../../common/presentation.ts';

/** Replies whose card offers "Log a training" (the form card) in Teams, where no slash command or modal opens it. */
const OFFERS_LOG_FORM: ReadonlySet<Reply['kind']> = new Set(['status', 'help', 'welcome']);

/** Teams' own buttons added to a reply's presentation: "Log a training" on the status, help and welcome cards. */
export function withTeamsActions(reply: Reply, p: Presentation): Presentation {
  if (!OFFERS_LOG_FORM.has(reply.kind) || p.actions.some((a) => a.id.kind === 'log-training')) return p;
  return { ...p, actions: [...p.actions, { id: { kind: 'log-training' }, label: 'Log a training', primary: false }] };
}
