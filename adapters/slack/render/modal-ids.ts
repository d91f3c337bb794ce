/**
 * Block ids of "Log a training"; every input's action_id is LOG_ACTION_ID. The view builder and the
 * submission reader share these, so a renamed block cannot silently read as empty.
 */
export const LOG_BLOCKS = {
  title: 'title',
  completedOn: 'completed_on',
  minutes: 'minutes',
  kind: 'kind',
  registered: 'registered',
  certificate: 'certificate',
} as const;

export const LOG_ACTION_ID = 'value';

/** The core accepts titles up to 300 characters (checkTrainingForm). */
export const TITLE_MAX = 300;
