import type { EvidencePack, Transcript, TranscriptEntry } from '../../src/index.ts';

/** A transcript as getTranscript returns it: realistic numbers, overridable where a test is about something. */
export function aTranscript(overrides: Partial<Transcript> = {}): Transcript {
  return {
    person: { id: '22222222-2222-4222-8222-222222222222', displayName: 'Ana Ortiz' },
    organisationName: 'Riverside Clinic',
    credential: { code: 'CMSS', name: 'Certified Medical Scribe Specialist', number: 'CMSS-12345', issuedOn: '2026-01-15', expiresOn: '2027-01-15' },
    state: 'at_risk',
    generatedOn: '2026-11-27',
    timeZone: 'America/New_York',
    entries: [anEntry({ seq: 1 }), anEntry({ seq: 2, title: 'HIPAA Basics for Providers', kind: 'webinar', completedOn: '2026-04-02', minutes: 90, credit: 1.5, indexNumber: null, proofOnFile: false })],
    totals: { earned: 2.5, required: 12, countedMinutes: 150, countedEntries: 2 },
    ...overrides,
  };
}

export function anEntry(overrides: Partial<TranscriptEntry> = {}): TranscriptEntry {
  return {
    seq: 1,
    title: 'Medicare Billing: 837P and Form CMS-1500',
    kind: 'wbt',
    completedOn: '2026-03-10',
    minutes: 60,
    credit: 1,
    indexNumber: 'MLN006976',
    proofOnFile: true,
    notCounted: null,
    cmsConfirmedByScribe: false,
    ...overrides,
  };
}

export function aPack(overrides: Partial<EvidencePack> = {}): EvidencePack {
  return { organisationId: '11111111-1111-4111-8111-111111111111', transcript: aTranscript(), files: [], ...overrides };
}
