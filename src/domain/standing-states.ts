import type { ComplianceState } from './compliance-types.ts';
import { addDays, type IsoDate } from './dates.ts';
import { lineOn, type StandingLine } from './standing-line.ts';

/**
 * A line's state on any day, as three states stored beside it: before the certificate's issue day,
 * while it is valid, and from its expiry day on. `lineOn` depends on the day only through the
 * certificate's day reasons, which compare the day with those two days (expiring soon is a warning
 * and never changes the state), so the state is constant on each of the three spans. The report
 * picks one of them in SQL for each person's own today (`stateOnDay` is the same pick, in code),
 * so the rule itself stays in `lineOn`: every state stored here is `lineOn` on a day of its span.
 */
export interface LineStates {
  readonly before: ComplianceState;
  readonly during: ComplianceState;
  readonly after: ComplianceState;
}

export function statesOf(line: StandingLine): LineStates {
  const certificate = line.certificate;
  if (!certificate) {
    // No certificate: no day reasons, one state on every day (any day will do).
    const state = lineOn(line, '2000-01-01').state;
    return { before: state, during: state, after: state };
  }
  return {
    before: lineOn(line, addDays(certificate.issuedOn, -1)).state,
    during: lineOn(line, certificate.issuedOn).state,
    after: lineOn(line, certificate.expiresOn).state,
  };
}

/** The state of a line with `states` on `today` (ISO days compare as strings): the pick the report's SQL makes. */
export function stateOnDay(states: LineStates, certificate: StandingLine['certificate'], today: IsoDate): ComplianceState {
  if (!certificate) return states.during;
  if (today < certificate.issuedOn) return states.before;
  if (today >= certificate.expiresOn) return states.after;
  return states.during;
}
