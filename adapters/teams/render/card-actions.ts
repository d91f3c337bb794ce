import type { ReportFilters } from '../../../src/index.ts';
import type { ActionId } from '../../common/presentation.ts';

/** Every card action's verb starts so: the adapter's one `actionExecute` route takes them all. */
export const VERB_PREFIX = 'recert.';

/**
 * What an Action.Execute carries back (`data`): which action, on what (`ids`), the tenant the card
 * was made for (an invoke from another tenant is refused) and a nonce unique to this button, so a
 * resent invoke (Teams retries slow bots, sometimes with a new activity id) is acted on once.
 */
export interface CardActionData {
  readonly action: ActionId['kind'];
  readonly ids: Readonly<Record<string, string | number>>;
  readonly tenant: string;
  readonly nonce: string;
  /** Report pages keep the filters they were asked with. */
  readonly filters?: ReportFilters;
}

export function verbOf(id: ActionId): string {
  return `${VERB_PREFIX}${id.kind}`;
}

/** The ids an action names, flat (Action.Execute data is JSON). */
export function idsOf(id: ActionId): Record<string, string | number> {
  switch (id.kind) {
    case 'confirm':
    case 'confirm-unregistered':
    case 'edit-draft':
    case 'cancel-draft':
      return { draftId: id.draftId };
    case 'undo':
      return { trainingId: id.trainingId };
    case 'history-page':
    case 'report-page':
      return { page: id.page, direction: id.direction };
    case 'person-details':
      return { personId: id.personId };
    case 'snooze':
      return { days: id.days };
    case 'audit-attach':
      return { itemId: id.itemId };
    case 'log-training':
    case 'attach-certificate':
    case 'see-status':
      return {};
    case 'fee-anyway':
    case 'cert-anyway':
    case 'fix-typed':
      return { ...id.ids };
  }
}
