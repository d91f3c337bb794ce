import { DateTime } from 'luxon';
import type { ChannelReminders, Reply } from '../../../src/index.ts';
import { plural } from '../format.ts';
import { fact, facts, list, note, paragraph, rich, sentences, strong, type Fact, type Presentation, type PresentContext, type Rich } from '../presentation.ts';
import { cmd } from '../wording.ts';

/** Reminder settings: a channel's subscription and its next times, the DM policy, a manager's digest. */

type Of<K extends Reply['kind']> = Extract<Reply, { kind: K }>;

const WEEKDAYS = ['Mondays', 'Tuesdays', 'Wednesdays', 'Thursdays', 'Fridays', 'Saturdays', 'Sundays'];

/** "Mon Dec 7, 2026 09:00 EST": an instant in `zone` (by its IANA name, for the zone's abbreviation), else as written. */
export function localInstant(iso: string, zone?: string): string {
  const written = DateTime.fromISO(iso, { setZone: true });
  const at = zone ? written.setZone(zone) : written;
  return at.isValid ? at.toFormat('ccc LLL d, yyyy HH:mm ZZZZ') : iso;
}

/** "60, 30, 7 days before, the day itself, then weekly while expired". */
function daysWords(c: ChannelReminders): string {
  const before = c.daysBefore.filter((d) => d > 0);
  const parts = [before.length ? `${before.join(', ')} ${before.length === 1 && before[0] === 1 ? 'day' : 'days'} before` : null, c.daysBefore.includes(0) ? 'the day itself' : null, c.weeklyAfterExpiry ? 'then weekly while expired' : null].filter((p): p is string => p !== null);
  return parts.length ? parts.join(', ') : 'none';
}

export function policyFacts(c: ChannelReminders): Fact[] {
  return [
    fact('Reminders', daysWords(c)),
    fact('Sent at', `${c.sendAt} ${c.zone}`, c.zoneOwn ? null : " (the organisation's zone)"),
    fact('Days', c.weekdaysOnly ? 'Weekdays only (a weekend reminder comes the Friday before)' : 'Every day'),
    fact('People', c.team ? `Team ${c.team}` : 'Everyone'),
    fact('Shows', c.private ? 'Counts only; each person gets the details by DM' : 'Names and what each is missing'),
  ];
}

function changeLine(reply: Of<'reminders-channel'>): Rich {
  const name = strong(reply.channel.channelName);
  switch (reply.change) {
    case 'subscribed':
      return rich(name, ' will get a reminder digest before certificates expire.');
    case 'updated':
      return rich('Reminders for ', name, ' changed.');
    case 'off':
      return rich(name, ' gets no more reminders. Its settings are kept for when you turn it on again.');
    case 'already-off':
      return rich(name, ' was not getting reminders.');
    case 'show':
      return reply.channel.active ? rich('Reminders for ', name, ':') : rich(name, ' gets no reminders.');
  }
}

function nextPart(reply: Of<'reminders-channel'>): ReturnType<typeof list> | ReturnType<typeof paragraph> {
  if (reply.next.length === 0) return paragraph(rich('No reminder is coming: nobody this channel covers has a gap with a reminder day ahead.'));
  return list('Next reminders', reply.next.map((n) => rich(localInstant(n.at, reply.channel.zone), ` — ${plural(n.people, 'person', 'people')}`)));
}

export function presentChannelReminders(reply: Of<'reminders-channel'>, context: PresentContext): Presentation {
  const c = reply.channel;
  const settings = c.active ? [facts(...policyFacts(c)), nextPart(reply)] : [];
  const others = rich('DMs to people: ', reply.dms ? 'on' : 'off', ' · Your weekly digest: ', reply.digest ? `${WEEKDAYS[reply.digest.weekday - 1] ?? ''} at ${reply.digest.sendAt}` : 'off');
  const hint = c.active ? rich(cmd('remind here 60,30,7 at 9:00', context), ' · ', cmd('remind here private', context), ' · ', cmd('remind off', context)) : rich('Turn it on: ', cmd('remind here', context), ' · ', cmd('help remind', context));
  return { tone: reply.change === 'show' || reply.change === 'already-off' ? 'info' : 'ok', heading: null, body: [paragraph(changeLine(reply)), ...settings, paragraph(others), note(hint)], actions: [], typed: null };
}

export function presentDmsSet(reply: Of<'reminders-dms'>): Presentation {
  const line = reply.on ? 'People get a DM about their own gap before their certificate expires, with buttons to log a training, see their status or snooze.' : 'People get no reminder DMs. Channel digests go on as set.';
  return sentences(reply.changed ? 'ok' : 'info', rich(reply.changed ? '' : 'No change: ', line));
}

export function presentDigestSet(reply: Of<'manager-digest-set'>, context: PresentContext): Presentation {
  if (!reply.schedule) return sentences(reply.changed ? 'ok' : 'info', rich('Your weekly digest is off. Turn it on with ', cmd('digest weekly monday 8:00', context), '.'));
  const when = `${WEEKDAYS[reply.schedule.weekday - 1] ?? ''} at ${reply.schedule.sendAt} (${reply.schedule.zone})`;
  return sentences(reply.changed ? 'ok' : 'info', rich('Your weekly digest: ', strong(when), ', by DM — the compliance report and a chart of the last 12 weeks.'));
}
