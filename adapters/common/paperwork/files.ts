import type { EvidencePack, Paperwork } from '../../../src/index.ts';
import { paperworkBaseName } from '../../../src/index.ts';
import { organisationReportCsv } from '../organisation-report-csv.ts';
import { evidenceZip } from './evidence-zip.ts';
import { transcriptCsv } from './transcript-csv.ts';
import { transcriptPdf } from './transcript-pdf.ts';

/** A file an export makes, ready to write or upload. */
export interface PaperworkFile {
  readonly name: string;
  readonly mediaType: string;
  readonly bytes: Buffer;
}

/** The certificate bytes of a pack by their names in it (the core's readEvidence). */
export type ReadCertificates = (pack: EvidencePack) => Promise<ReadonlyMap<string, Buffer>>;

/**
 * The files of an export: a transcript's PDF or CSV, or the evidence pack's zip. Adapters import
 * this module lazily (`await import`), so pdfkit and fflate load only on the first export.
 */
export async function paperworkFiles(paperwork: Paperwork, readCertificates: ReadCertificates): Promise<PaperworkFile[]> {
  if (paperwork.what === 'report') return [{ name: `compliance-report-${paperwork.generatedOn}.csv`, mediaType: 'text/csv', bytes: Buffer.from(organisationReportCsv(paperwork.rows), 'utf8') }];
  if (paperwork.what === 'transcript') {
    const base = paperworkBaseName('transcript', paperwork.transcript);
    if (paperwork.format === 'csv') return [{ name: `${base}.csv`, mediaType: 'text/csv', bytes: transcriptCsv(paperwork.transcript) }];
    return [{ name: `${base}.pdf`, mediaType: 'application/pdf', bytes: await transcriptPdf(paperwork.transcript) }];
  }
  const { pack } = paperwork;
  const certificates = await readCertificates(pack);
  const entries = [
    { name: 'transcript.pdf', bytes: await transcriptPdf(pack.transcript) },
    { name: 'transcript.csv', bytes: transcriptCsv(pack.transcript) },
    ...pack.files.map((file) => ({ name: file.name, bytes: certificates.get(file.name) ?? Buffer.alloc(0) })),
  ];
  return [{ name: `${paperworkBaseName('evidence-pack', pack.transcript)}.zip`, mediaType: 'application/zip', bytes: evidenceZip(entries, pack.transcript.generatedOn) }];
}
