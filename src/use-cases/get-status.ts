import { daysBetween, localDate, type IsoDate } from '../domain/dates.ts';
import { listFeePayments } from '../db/repositories/fees.ts';
import type { Actor } from '../domain/people.ts';
import type { Reply, StatusView } from '../replies.ts';
import type { CoreDeps } from './deps.ts';
import { ownerOf, subjectFor, type About } from './about.ts';
import { standingOf } from './shared.ts';

/**
 * The person's compliance for their current certificate: progress, fee, certificate and reasons —
 * the asker's own, or (for a manager or admin) the one `about` names, read in that person's zone.
 */
export async function getStatus(deps: CoreDeps, actor: Actor, about?: About): Promise<Reply> {
  const subject = await subjectFor(deps, actor, about, 'see-records');
  const today = localDate(deps.clock.now(), subject.zone);
  const { credential, rules, compliance } = await standingOf(deps.db, ownerOf(actor, subject), today);
  const [payment] = credential ? await listFeePayments(deps.db, actor.organisationId, credential.id) : [];
  const status: StatusView = {
    displayName: subject.displayName,
    isSelf: subject.id === actor.personId,
    timeZone: subject.zone,
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
    fee: {
      required: rules.feeCents !== null,
      paid: compliance.feePaid,
      amountCents: rules.feeCents,
      currency: rules.currency,
      ...(payment ? { payment: { amountCents: payment.amountCents, paidOn: payment.paidOn as IsoDate } } : {}),
    },
    reasons: compliance.reasons,
  };
  return { kind: 'status', status };
}
