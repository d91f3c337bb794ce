import { createHash } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { unzipSync } from 'fflate';
import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { evidenceNames } from '../../../src/index.ts';
import { paperworkFiles } from '../../../adapters/common/paperwork/files.ts';
import { transcriptCsv } from '../../../adapters/common/paperwork/transcript-csv.ts';
import { transcriptPdf } from '../../../adapters/common/paperwork/transcript-pdf.ts';
import { aPack, anEntry, aTranscript } from '../../builders/paperwork.ts';

async function pdfPages(bytes: Uint8Array): Promise<string[]> {
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: false });
  return text;
}

const sha = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** 60 entries: more than one page holds, so the header and page numbers repeat. */
const MANY = Array.from({ length: 60 }, (_, i) => anEntry({ seq: i + 1, title: `Course number ${i + 1}`, completedOn: `2026-05-${String((i % 28) + 1).padStart(2, '0')}` }));

describe('transcript CSV', () => {
  it('reads back: the summary, then a header and one row per entry, quoted where needed, no BOM', () => {
    const t = aTranscript({ person: { id: 'p', displayName: 'Zoë Ñúñez' }, entries: [anEntry({ title: 'Billing, "837P" and\nCMS-1500' }), anEntry({ seq: 2, title: '=HYPERLINK("x")', notCounted: 'duplicate', proofOnFile: false })] });
    const bytes = transcriptCsv(t);
    expect([...bytes.subarray(0, 3)]).not.toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).toContain('\r\n');
    const rows = parse(bytes, { relax_column_count: true, skip_empty_lines: true }) as string[][];
    expect(rows[0]).toEqual(['Name', 'Zoë Ñúñez']);
    expect(rows).toContainEqual(['Certificate number', 'CMSS-12345']);
    expect(rows).toContainEqual(['Issued on', 'Jan 15, 2026']);
    expect(rows).toContainEqual(['Credit', '2.5 CE earned of 12 CE required (2 entries, 150 minutes)']);
    expect(rows).toContainEqual(['Generated on', 'Nov 27, 2026 (America/New_York)']);
    const header = rows.findIndex((r) => r[0] === 'Entry');
    expect(rows[header]).toEqual(['Entry', 'Title', 'Kind', 'Completed on', 'Minutes', 'Credit (CE)', 'Index number', 'Proof on file', 'Counts', 'CMS/MLN']);
    expect(rows[header + 1]).toEqual(['1', 'Billing, "837P" and\nCMS-1500', 'web-based training', '2026-03-10', '60', '1', 'MLN006976', 'Yes', 'Yes', 'Named in the entry']);
    // A title a spreadsheet would run as a formula is kept as text.
    expect(rows[header + 2]).toEqual(['2', `'=HYPERLINK("x")`, 'web-based training', '2026-03-10', '60', '1', 'MLN006976', 'No', 'No: same course already counted', 'Named in the entry']);
  });
});

describe('transcript PDF', () => {
  it('prints the title, a Unicode name, every row, the header on each page and "Page n of N"', async () => {
    const pages = await pdfPages(await transcriptPdf(aTranscript({ person: { id: 'p', displayName: 'Zoë Ñúñez' }, entries: MANY })));
    expect(pages.length).toBeGreaterThanOrEqual(2);
    expect(pages[0]).toContain('Continuing education transcript');
    expect(pages[0]).toContain('Zoë Ñúñez');
    expect(pages[0]).toContain('CMSS-12345');
    pages.forEach((page, i) => {
      expect(page).toContain(`Page ${i + 1} of ${pages.length}`);
      expect(page).toContain('# Title Kind Date Min. CE Index no. Proof Counts');
    });
    const all = pages.join('\n');
    for (const entry of MANY) expect(all).toContain(entry.title);
  });

  it('shows a manager which entries are CMS/MLN on the scribe’s word (issue 10), in the PDF and the CSV', async () => {
    const t = aTranscript({ entries: [anEntry({ seq: 1, title: 'AHIMA coding seminar', cmsConfirmedByScribe: true }), anEntry({ seq: 2 })] });
    // The title column is narrow: the note wraps (at "/" too).
    const page = (await pdfPages(await transcriptPdf(t))).join('\n').replace(/\s+/g, '');
    expect(page).toContain('AHIMAcodingseminar(CMS/MLN:confirmedbythescribe)');
    const rows = parse(transcriptCsv(t), { relax_column_count: true, skip_empty_lines: true }) as string[][];
    expect(rows.filter((r) => r[0] === '1' || r[0] === '2').map((r) => r.at(-1))).toEqual(['Confirmed by the scribe', 'Named in the entry']);
  });

  it('says so when the cycle has no entries', async () => {
    const [page] = await pdfPages(await transcriptPdf(aTranscript({ entries: [], credential: { code: 'CMSS', name: 'Certified Medical Scribe Specialist', number: null, issuedOn: null, expiresOn: null } })));
    expect(page).toContain('No entries in the current cycle yet.');
    expect(page).toContain('not on file');
    expect(page).toContain('Page 1 of 1');
  });
});

describe('evidence pack', () => {
  it('zips the transcript (PDF and CSV) and each certificate by entry name, with SHA256SUMS that match', async () => {
    const certificate = Buffer.from('%PDF-1.4 certificate one');
    const image = Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
    const names = evidenceNames([
      { seq: 3, title: 'Medicare Billing', mediaType: 'application/pdf', originalName: 'a.pdf' },
      { seq: 3, title: 'Medicare Billing', mediaType: 'image/png', originalName: 'b.png' },
    ]);
    expect(names).toEqual(['entry-03-medicare-billing.pdf', 'entry-03-medicare-billing.png']);
    const files = names.map((name, i) => ({ proofFileId: `f${i}`, seq: 3, originalName: name, name, mediaType: i ? 'image/png' : 'application/pdf', sha256: sha(i ? image : certificate), sizeBytes: 1 }));
    const [zip] = await paperworkFiles({ what: 'pack', pack: aPack({ files }) }, async () => new Map([[names[0] ?? '', certificate], [names[1] ?? '', image]]));
    expect(zip?.name).toBe('evidence-pack-ana-ortiz-2026-11-27.zip');
    const unzipped = unzipSync(new Uint8Array(zip?.bytes ?? []));
    expect(Object.keys(unzipped).sort()).toEqual(['SHA256SUMS', 'entry-03-medicare-billing.pdf', 'entry-03-medicare-billing.png', 'transcript.csv', 'transcript.pdf']);
    expect(Buffer.from(unzipped['entry-03-medicare-billing.png'] ?? [])).toEqual(image);
    const sums = new TextDecoder().decode(unzipped.SHA256SUMS).trim().split('\n').map((line) => line.split('  '));
    expect(sums).toHaveLength(4);
    for (const [hash, name] of sums) expect(sha(unzipped[name ?? ''] ?? new Uint8Array())).toBe(hash);
    expect((await pdfPages(unzipped['transcript.pdf'] ?? new Uint8Array())).join()).toContain('Ana Ortiz');
  });

  it('names collide only once: same titles on other entries and a third file get their own names', () => {
    const names = evidenceNames([
      { seq: 1, title: 'Ünïcode & Stuff!', mediaType: 'application/pdf', originalName: 'x.pdf' },
      { seq: 1, title: 'Ünïcode & Stuff!', mediaType: 'application/pdf', originalName: 'y.pdf' },
      { seq: 1, title: 'Ünïcode & Stuff!', mediaType: 'application/pdf', originalName: 'z.pdf' },
      { seq: 12, title: '???', mediaType: 'image/jpeg', originalName: 'q.jpeg' },
    ]);
    expect(names).toEqual(['entry-01-unicode-stuff.pdf', 'entry-01-unicode-stuff-2.pdf', 'entry-01-unicode-stuff-3.pdf', 'entry-12-entry.jpg']);
  });
});
