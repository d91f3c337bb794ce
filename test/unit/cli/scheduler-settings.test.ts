import { describe, expect, it } from 'vitest';
import { DEFAULT_POLL_SECONDS, parseSchedulerSettings } from '../../../adapters/cli/scheduler-settings.ts';
import { ConfigError } from '../../../src/config.ts';

describe('RECERT_SCHEDULER and RECERT_SCHEDULER_POLL_SECONDS', () => {
  it('on by default, polling every 2 s; off and a poll interval when set', () => {
    expect(parseSchedulerSettings({})).toEqual({ enabled: true, pollSeconds: DEFAULT_POLL_SECONDS });
    expect(parseSchedulerSettings({ RECERT_SCHEDULER: ' OFF ', RECERT_SCHEDULER_POLL_SECONDS: '0.5' })).toEqual({ enabled: false, pollSeconds: 0.5 });
    expect(parseSchedulerSettings({ RECERT_SCHEDULER: 'on', RECERT_SCHEDULER_POLL_SECONDS: '' })).toEqual({ enabled: true, pollSeconds: DEFAULT_POLL_SECONDS });
  });

  it('refuses other words and intervals pg-boss would refuse, naming each variable', () => {
    const problems = (env: Record<string, string>) => {
      try {
        parseSchedulerSettings(env);
        return [];
      } catch (error) {
        return error instanceof ConfigError ? error.problems : ['not a ConfigError'];
      }
    };
    expect(problems({ RECERT_SCHEDULER: 'false', RECERT_SCHEDULER_POLL_SECONDS: '0.1' })).toEqual(['RECERT_SCHEDULER must be on or off', 'RECERT_SCHEDULER_POLL_SECONDS must be a number of seconds from 0.5 to 60']);
    expect(problems({ RECERT_SCHEDULER_POLL_SECONDS: 'fast' })).toEqual(['RECERT_SCHEDULER_POLL_SECONDS must be a number of seconds from 0.5 to 60']);
    expect(problems({ RECERT_SCHEDULER_POLL_SECONDS: '61' })).toHaveLength(1);
  });
});
