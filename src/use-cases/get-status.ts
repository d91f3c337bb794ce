import { daysBetween } from '../domain/dates.ts';
import type { Actor } from '../domain/people.ts';
import type { Reply, StatusView } from '../replies.ts';
import type { CoreDeps } from './deps.ts';
import { standingOf, todayFor } from './shared.ts';

/** The person's compliance for their current certificate: progress, fee, certificate and reasons. */
export async function getStatus(deps: CoreDeps, actor: Actor): Promise<Reply> {
  const today = todayFor(deps, actor);
  const { credential, rules, compliance } = await standingOf(deps.db, actor, today);
  const status: StatusView = {
    displayName: actor.displayName,
    timeZone: actor.timeZone,
    today,
    state: compliance.state,
    credentialCode: rules.code,
    credentialName: rules.name,
    certificate: credential && {
      number: credential.number,
      issuedOn: credential.issuedOn,
      expiresOn: credential.expiresOn,
      daysLeft: daysBetween(today, credential.expiresOn),
    },
    earned: compliance.earnedCredit,
    required: compliance.requiredCredit,
    countedMinutes: compliance.countedMinutes,
    countedEntries: compliance.counted.length,
    fee: { required: rules.feeCents !== null, paid: compliance.feePaid, amountCents: rules.feeCents, currency: rules.currency },
    reasons: compliance.reasons,
  };
  return { kind: 'status', status };
}
