/**
 * Every name Slack knows Recert by: the command, shortcut callback ids, action ids and view
 * callback ids. Registration (register.ts), rendering and the manifest test all read this file.
 */
export const COMMAND = '/ceu';

export const ACTIONS = {
  /** value: draft id. For calls, confirming means "I registered through MLN". */
  confirm: 'ceu_confirm',
  /** value: draft id. A call logged without MLN registration (no credit). */
  confirmUnregistered: 'ceu_confirm_unregistered',
  /** value: draft id. Opens the "Log a training" modal filled with the preview. */
  edit: 'ceu_edit',
  /** value: draft id. */
  cancel: 'ceu_cancel',
  /** value: training id. Undoes the newest change to that entry. */
  undo: 'ceu_undo',
  /** value: page number (1-based). */
  historyPage: 'ceu_history_page',
  /** App Home: opens the "Log a training" modal. */
  homeLog: 'ceu_home_log',
  /** App Home: explains how to attach (opens the DM with instructions). */
  homeAttach: 'ceu_home_attach',
  /** A reminder DM: the person's own status. */
  reminderStatus: 'ceu_reminder_status',
  /** value: days. A reminder DM: no nudges for that many days. */
  snooze: 'ceu_snooze',
  /** value: person id. A manager's report: that person's status and recent entries. */
  reportDetails: 'ceu_report_details',
  /** value: JSON `{ page, filters }`. Another page of the manager's report. */
  reportPage: 'ceu_report_page',
  /** value: audit item id. An audit's request: the next file the person sends is that entry's certificate. */
  auditAttach: 'ceu_audit_attach',
  /** value: JSON of the payment asked about. A fee that differs from the credential's: record it anyway. */
  feeAnyway: 'ceu_fee_anyway',
  /** value: JSON of the certificate asked about. A number someone else holds: save it anyway. */
  certAnyway: 'ceu_cert_anyway',
  /** value: JSON `{ topic }`. Nothing stored: how to type it again. */
  fixTyped: 'ceu_fix_typed',
} as const;

export const VIEWS = {
  logTraining: 'ceu_log_training',
} as const;

export const SHORTCUTS = {
  /** Global shortcut: opens the "Log a training" modal. */
  logTraining: 'ceu_log_training_shortcut',
  /** Message shortcut "Log as CE training": a preview from any message. */
  logMessage: 'ceu_log_message',
} as const;

