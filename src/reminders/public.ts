/** The reminders engine as adapters and the command line see it (re-exported by src/index.ts). */
export type { ReminderMessage, DigestRow, WeekCounts } from './messages.ts';
export type { OutboundPort, OutboundAddress, OutboundImage, SendOutcome } from './outbound.ts';
export type { ClaimedDelivery, DeliveryPlan } from './ledger.ts';
export { planRun, recordPlan, type PlanRun, type OrganisationDelivery } from './plan-run.ts';
export { ReminderSender, DEFAULT_SEND_OPTIONS, type ComposeFn, type ComposedClaim, type SenderDeps, type SendOptions, type SendTally } from './send.ts';
export { composeClaimed } from './compose-claimed.ts';
export { deliveryStatus, type TargetStatus } from './status.ts';
export { composeScheduled } from './compose-scheduled.ts';
export { planManagerDigests, planUnknownNotes } from './scheduled-plans.ts';
