import { ACTIONS } from '../ids.ts';

/** Previous and Next share one actions block, so their action ids carry a suffix (see history.ts). */
export const REPORT_PAGE_ACTION = new RegExp(`^${ACTIONS.reportPage}(?::prev|:next)?$`);

/**
 * A report's Details buttons, and an audit request's Attach certificate buttons, share one actions
 * block, where Slack refuses the whole message if two elements have the same action id: each
 * carries its person's (item's) id as a suffix. The bare id still matches (messages sent before).
 */
export const REPORT_DETAILS_ACTION = new RegExp(`^${ACTIONS.reportDetails}(?::[0-9a-f-]{1,40})?$`);
export const AUDIT_ATTACH_ACTION = new RegExp(`^${ACTIONS.auditAttach}(?::[0-9a-f-]{1,40})?$`);
