import { describe, expect, it } from 'vitest';
import { CMSS_RULES, type CredentialRules } from '../../src/domain/credential-rules.ts';
import { findCredentialRules, saveCredentialRules } from '../../src/db/repositories/credential-types.ts';
import { confirmDraft } from '../../src/use-cases/confirm-draft.ts';
import { getStatus } from '../../src/use-cases/get-status.ts';
import { logTraining } from '../../src/use-cases/log-training.ts';
import { saveCredential } from '../../src/use-cases/save-credential.ts';
import { givenActor } from '../builders/actor.ts';
import { testDeps } from '../builders/deps.ts';
import { useTestDatabase } from '../support/test-database.ts';

const database = useTestDatabase();

/** A made-up credential: 2 CE every 24 months, quarter-credit buckets, no fee. Nothing assumes 3 or 12. */
const TWO_YEAR: CredentialRules = {
  ...CMSS_RULES,
  code: 'CDS',
  name: 'Clinical Documentation Specialist',
  issuer: 'Example Board',
  requiredCredit: 2,
  cycleMonths: 24,
  feeCents: null,
  creditTable: [
    { overMinutes: 0, upToMinutes: 15, credit: 0.25, indexNumber: 'CDS-Q1' },
    { overMinutes: 15, upToMinutes: 240, credit: 1, indexNumber: 'CDS-H4' },
  ],
  registrationRequiredKinds: [],
};

describe('an organisation\'s own credential type', () => {
  it('is stored per organisation and used for certificates, credit and status', async () => {
    const deps = testDeps(database.current.db);
    const actor = await givenActor(deps);
    const other = await givenActor(deps, { name: 'Elsewhere' });
    await saveCredentialRules(deps.db, actor.organisationId, TWO_YEAR, new Date('2026-01-01T00:00:00Z'));
    expect(await findCredentialRules(deps.db, actor.organisationId, 'CDS')).toEqual(TWO_YEAR);
    expect(await findCredentialRules(deps.db, other.organisationId, 'CDS')).toBeUndefined();
    expect(await findCredentialRules(deps.db, other.organisationId, 'CMSS')).toEqual(CMSS_RULES);

    const saved = await saveCredential(deps, actor, { number: 'CDS-1', issuedOn: '2026-02-01', typeCode: 'cds' });
    expect(saved).toMatchObject({ kind: 'credential-saved', credentialCode: 'CDS', expiresOn: '2028-02-01', requiredCredit: 2 });
    const preview = await logTraining(deps, actor, 'Example Board course "Long Workshop" 3 hours on Nov 2');
    expect(preview).toMatchObject({ kind: 'training-preview', preview: { minutes: 180, award: { kind: 'awarded', credit: 1, indexNumber: 'CDS-H4' }, credentialCode: 'CDS' } });
    await confirmDraft(deps, actor);
    const status = await getStatus(deps, actor);
    expect(status).toMatchObject({ kind: 'status', status: { credentialCode: 'CDS', earned: 1, required: 2, fee: { required: false } } });
  });

  it('refuses a rule set whose buckets overlap', async () => {
    const deps = testDeps(database.current.db);
    const actor = await givenActor(deps);
    const broken = { ...TWO_YEAR, code: 'BAD', creditTable: [TWO_YEAR.creditTable[1], TWO_YEAR.creditTable[0]] } as CredentialRules;
    await expect(saveCredentialRules(deps.db, actor.organisationId, broken, new Date())).rejects.toThrow(/sorted and must not overlap/);
    expect(await findCredentialRules(deps.db, actor.organisationId, 'BAD')).toBeUndefined();
  });
});
