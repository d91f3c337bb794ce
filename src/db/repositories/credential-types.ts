import { z } from 'zod';
import { ACTIVITY_KINDS } from '../../domain/activity-kind.ts';
import { BUILT_IN_RULES, type CredentialRules } from '../../domain/credential-rules.ts';
import type { Db } from '../connection.ts';

const bucketSchema = z.object({
  overMinutes: z.number().int().min(0),
  upToMinutes: z.number().int().positive(),
  credit: z.number().positive(),
  indexNumber: z.string().min(1),
});

/** An organisation's own credential type, validated when read so a bad row cannot reach the rules. */
export const credentialRulesSchema = z
  .object({
    code: z.string().regex(/^[A-Z0-9][A-Z0-9-]{1,19}$/),
    name: z.string().min(1),
    issuer: z.string().min(1),
    requiredCredit: z.number().positive(),
    cycleMonths: z.number().int().min(1).max(120),
    feeCents: z.number().int().positive().nullable(),
    currency: z.string().length(3),
    creditTable: z.array(bucketSchema).min(1),
    acceptedKinds: z.array(z.enum(ACTIVITY_KINDS)).min(1),
    registrationRequiredKinds: z.array(z.enum(ACTIVITY_KINDS)),
    expiringSoonDays: z.number().int().min(0),
    shortActivityMinutes: z.number().int().min(0),
  })
  .refine((rules) => rules.creditTable.every((b, i, all) => b.upToMinutes > b.overMinutes && (i === 0 || b.overMinutes >= (all[i - 1]?.upToMinutes ?? 0))), {
    message: 'credit buckets must be sorted and must not overlap',
  });

/** The organisation's own rules for `code`, else the built-in set of that code. */
export async function findCredentialRules(db: Db, organisationId: string, code: string): Promise<CredentialRules | undefined> {
  const row = await db
    .selectFrom('credential_types')
    .select('rules')
    .where('organisation_id', '=', organisationId)
    .where('code', '=', code)
    .executeTakeFirst();
  if (row) return credentialRulesSchema.parse(row.rules);
  return BUILT_IN_RULES.find((rules) => rules.code === code);
}

export async function saveCredentialRules(db: Db, organisationId: string, rules: CredentialRules, now: Date): Promise<void> {
  const json = JSON.stringify(credentialRulesSchema.parse(rules));
  await db
    .insertInto('credential_types')
    .values({ organisation_id: organisationId, code: rules.code, rules: json, created_at: now })
    .onConflict((oc) => oc.columns(['organisation_id', 'code']).doUpdateSet({ rules: json }))
    .execute();
}

