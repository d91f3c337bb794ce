import { describe, expect, it } from 'vitest';
import { interpret } from '../../../src/chat/interpret.ts';
import { readDays, readTime, readWeekday, readZone } from '../../../src/reminders/words.ts';

describe('reminder words', () => {
  it('reads days before expiry, largest first, without repeats; refuses what is not a day', () => {
    expect(readDays('7,30,60')).toEqual([60, 30, 7]);
    expect(readDays('60 30 30 0')).toEqual([60, 30, 0]);
    for (const bad of ['61,abc', '400', '-1', '1.5', '', Array.from({ length: 13 }, (_, i) => i).join(',')]) {
      expect(() => readDays(bad), bad).toThrow(expect.objectContaining({ code: 'remind-days-invalid' }));
    }
  });

  it('reads times of day as HH:mm and refuses 25:00, 9:75 and 13pm', () => {
    expect([readTime('9:00'), readTime('9'), readTime('09:30'), readTime('5:30 pm'), readTime('12am'), readTime('12pm')]).toEqual(['09:00', '09:00', '09:30', '17:30', '00:00', '12:00']);
    for (const bad of ['25:00', '9:75', '13pm', 'noonish', '']) expect(() => readTime(bad), bad).toThrow(expect.objectContaining({ code: 'remind-time-invalid' }));
  });

  it('reads IANA zones and weekdays', () => {
    expect(readZone('Europe/London')).toBe('Europe/London');
    expect(() => readZone('Mars/Olympus')).toThrow(expect.objectContaining({ code: 'remind-zone-invalid' }));
    expect([readWeekday('monday'), readWeekday('Fri'), readWeekday('Sundays')]).toEqual([1, 5, 7]);
    expect(() => readWeekday('funday')).toThrow(expect.objectContaining({ code: 'remind-weekday-invalid' }));
  });
});

describe('interpreting reminder settings', () => {
  it('reads `remind here` with days, a time, weekdays, a zone and the privacy mode, in any order', () => {
    expect(interpret('remind here 60,30,7 at 9:00')).toEqual({ kind: 'remind', op: 'here', change: { daysBefore: [60, 30, 7], sendAt: '09:00' } });
    expect(interpret('remind here weekdays')).toEqual({ kind: 'remind', op: 'here', change: { weekdaysOnly: true } });
    expect(interpret('remind here every day')).toEqual({ kind: 'remind', op: 'here', change: { weekdaysOnly: false } });
    expect(interpret('remind here private')).toEqual({ kind: 'remind', op: 'here', change: { private: true } });
    expect(interpret('remind here public zone Europe/London at 8:30 14, 7')).toEqual({ kind: 'remind', op: 'here', change: { private: false, zone: 'Europe/London', sendAt: '08:30', daysBefore: [14, 7] } });
    expect(interpret('remind here')).toEqual({ kind: 'remind', op: 'here', change: {} });
  });

  it('keeps bad words as data, so the use case refuses them after checking the role', () => {
    expect(interpret('remind here 61,abc')).toMatchObject({ kind: 'remind', op: 'here', change: { code: 'remind-days-invalid', details: { text: '61,abc' } } });
    expect(interpret('remind here at 25:00')).toMatchObject({ change: { code: 'remind-time-invalid', details: { text: '25:00' } } });
    expect(interpret('remind here zone Mars/Olympus')).toMatchObject({ change: { code: 'remind-zone-invalid' } });
    expect(interpret('remind here loudly')).toMatchObject({ change: { code: 'remind-words-unknown', details: { text: 'loudly' } } });
  });

  it('reads teams, off, show, DMs, the digest and snooze', () => {
    expect(interpret('remind team "Night shift"')).toEqual({ kind: 'remind', op: 'here', change: { team: 'Night shift' } });
    expect(interpret('remind team everyone')).toEqual({ kind: 'remind', op: 'here', change: { team: null } });
    expect(interpret('remind off')).toEqual({ kind: 'remind', op: 'off' });
    expect(interpret('remind show')).toEqual({ kind: 'remind', op: 'show' });
    expect(interpret('remind')).toEqual({ kind: 'remind', op: 'show' });
    expect(interpret('remind dms off')).toEqual({ kind: 'remind', op: 'dms', on: false });
    expect(interpret('digest weekly monday 8:00')).toEqual({ kind: 'digest', schedule: { weekday: 1, sendAt: '08:00' } });
    expect(interpret('digest weekly funday 8:00')).toMatchObject({ kind: 'digest', schedule: { code: 'remind-weekday-invalid' } });
    expect(interpret('digest off')).toEqual({ kind: 'digest', schedule: null });
    expect(interpret('snooze')).toEqual({ kind: 'snooze', days: 3 });
    expect(interpret('snooze 5 days')).toEqual({ kind: 'snooze', days: 5 });
    expect(interpret('remind me of something')).toEqual({ kind: 'unknown', text: '', reason: 'usage', topic: 'remind' });
    expect(interpret('help remind')).toEqual({ kind: 'help', topic: 'remind' });
  });
});
