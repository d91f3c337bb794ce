import { isRecertError, RecertError } from '../errors.ts';
import { readDays, readTime, readWeekday, readZone } from '../reminders/words.ts';
import type { Intent } from './intent.ts';
import type { ChannelChange, Unreadable } from '../reminders/change.ts';
import type { RemindIntent } from './remind-intent.ts';

type Matcher = readonly [RegExp, (match: RegExpExecArray) => Intent | null];

/** What a DM's snooze button (and a bare `snooze`) gives: days. */
export const SNOOZE_DAYS = 3;

const EVERYONE = /^(?:everyone|everybody|all|off|none|no team)$/i;

/**
 * Reminder settings in chat: `remind here 60,30,7 at 9:00`, `remind here weekdays`, `remind here
 * private`, `remind here zone Europe/London`, `remind team "Night shift"`, `remind off`, `remind show`,
 * `remind dms on|off`, `digest weekly monday 8:00`, `digest off`. Anything else after `remind` or
 * `digest` is that topic's help.
 */
export const REMIND_MATCHERS: readonly Matcher[] = [
  [/^remind\s+here\b\s*([\s\S]*)$/i, (m) => ({ kind: 'remind', op: 'here', change: readChange(m[1] ?? '') })],
  [/^remind\s+(?:here\s+)?team\s+(?:"([^"]+)"|'([^']+)'|(.+))$/i, (m) => teamIntent((m[1] ?? m[2] ?? m[3] ?? '').trim())],
  [/^remind\s+(?:here\s+)?(?:off|stop|none)$/i, () => ({ kind: 'remind', op: 'off' })],
  [/^remind(?:\s+(?:show|settings|status))?\??$/i, () => ({ kind: 'remind', op: 'show' })],
  [/^remind\s+(?:dms?|direct messages)\s+(on|off)$/i, (m) => ({ kind: 'remind', op: 'dms', on: (m[1] ?? '').toLowerCase() === 'on' })],
  [/^digest\s+(?:off|stop|none)$/i, () => ({ kind: 'digest', schedule: null })],
  [/^digest\s+(?:weekly\s+)?(?:on\s+)?(\S+)\s+(?:at\s+)?(.+)$/i, (m) => ({ kind: 'digest', schedule: readSchedule(m[1] ?? '', m[2] ?? '') })],
  [/^snooze(?:\s+(?:for\s+)?(\d{1,2})\s*(?:d|days?)?)?$/i, (m) => ({ kind: 'snooze', days: Number(m[1] ?? SNOOZE_DAYS) })],
  [/^(?:remind|digest)\b/i, () => ({ kind: 'unknown', text: '', reason: 'usage', topic: 'remind' })],
];

function teamIntent(name: string): RemindIntent {
  return { kind: 'remind', op: 'here', change: { team: EVERYONE.test(name) ? null : name } };
}

/** A reader's refusal (a RecertError) as data, so the use case can refuse it after checking the role. */
function unreadable(read: () => ChannelChange): ChannelChange | Unreadable {
  try {
    return read();
  } catch (error) {
    if (isRecertError(error)) return { code: error.code, details: error.details };
    throw error;
  }
}

/** The settings after `remind here`, in any order. */
export function readChange(rest: string): ChannelChange | Unreadable {
  return unreadable(() => {
    let text = ` ${rest.trim()} `;
    const take = (pattern: RegExp): string | null => {
      const match = pattern.exec(text);
      if (!match) return null;
      text = text.replace(match[0], ' ');
      return match[1] ?? match[0];
    };
    const zone = take(/\s(?:zone|tz|time ?zone|in)\s+(\S+)\s/i);
    const time = take(/\s(?:at|time)\s+(\d\S*(?:\s*[ap]\.?m\.?)?|\S+)\s/i);
    const weekdays = take(/\s(weekdays(?:\s+only)?|workdays|work days|mon(?:day)?-fri(?:day)?)\s/i);
    const everyDay = take(/\s(every\s?day|daily|all week|weekends too|7 days)\s/i);
    const privately = take(/\s(private(?:ly)?|counts only)\s/i);
    const publicly = take(/\s(public(?:ly)?|names)\s/i);
    const days = take(/\s(?:days?\s+)?(\d[\w]*(?:\s*,\s*[\w]+)*)(?:\s+days?(?:\s+before)?)?\s/i);
    const left = text.trim();
    if (left) return fail(left);
    return {
      ...(days !== null ? { daysBefore: readDays(days) } : {}),
      ...(time !== null ? { sendAt: readTime(time) } : {}),
      ...(weekdays !== null ? { weekdaysOnly: true } : everyDay !== null ? { weekdaysOnly: false } : {}),
      ...(zone !== null ? { zone: readZone(zone) } : {}),
      ...(privately !== null ? { private: true } : publicly !== null ? { private: false } : {}),
    };
  });
}

function fail(text: string): never {
  throw new RecertError('remind-words-unknown', { text });
}

function readSchedule(day: string, time: string): { weekday: number; sendAt: string } | Unreadable {
  try {
    return { weekday: readWeekday(day), sendAt: readTime(time.replace(/^at\s+/i, '')) };
  } catch (error) {
    if (isRecertError(error)) return { code: error.code, details: error.details };
    throw error;
  }
}
