/** The scheduler as adapters and the command line see it (re-exported by src/index.ts). */
export type { JobQueue } from './queue.ts';
export { JOBS, SCHEDULES, SEND_FAN_OUT, startScheduler } from './scheduler.ts';
export { scheduledWork, type ScheduledWork } from './work.ts';
