import { ACTIONS } from '../ids.ts';

/** Previous and Next share one actions block, so their action ids carry a suffix (see history.ts). */
export const REPORT_PAGE_ACTION = new RegExp(`^${ACTIONS.reportPage}(?::prev|:next)?$`);
