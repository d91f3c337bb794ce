import { createRequire } from 'node:module';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import type { Transcript } from '../../../src/index.ts';
import { PDF_COLUMNS, noEntriesLine, pdfCells, summaryFacts, TRANSCRIPT_TITLE } from './transcript-words.ts';

/** DejaVu Sans (condensed, to fit the table): prints Latin, Greek and Cyrillic names, "Zoë Ñúñez" included. */
const FONT_DIR = path.join(path.dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');
const BODY = path.join(FONT_DIR, 'DejaVuSansCondensed.ttf');
const BOLD = path.join(FONT_DIR, 'DejaVuSansCondensed-Bold.ttf');

/** US Letter in points (1/72 inch), 50 pt margins. */
const MARGIN = 50;
/** Column widths in points, in PDF_COLUMNS order; they add up to the 512 pt between the margins. */
const WIDTHS = [28, 138, 78, 52, 36, 36, 66, 36, 42] as const;
const TABLE_SIZE = 8.5;
/** Space inside a cell, in points. */
const PAD = 3;

type Doc = PDFKit.PDFDocument;

/** The transcript as a PDF: title, summary, the entries' table (its header on every page), "Page 1 of 2" at each foot. */
export async function transcriptPdf(transcript: Transcript): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'LETTER',
    margin: MARGIN,
    bufferPages: true,
    info: { Title: `${TRANSCRIPT_TITLE}: ${transcript.person.displayName}`, Author: 'Recert', CreationDate: new Date(`${transcript.generatedOn}T00:00:00Z`) },
  });
  const done = collect(doc);
  doc.registerFont('body', BODY).registerFont('bold', BOLD);
  heading(doc, transcript);
  table(doc, transcript);
  pageNumbers(doc);
  doc.end();
  return done;
}

function collect(doc: Doc): Promise<Buffer> {
  const chunks: Buffer[] = [];
  return new Promise((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}

function heading(doc: Doc, t: Transcript): void {
  doc.font('bold').fontSize(16).text(TRANSCRIPT_TITLE);
  doc.font('body').fontSize(10).text(`${t.credential.name} (${t.credential.code}) — for the renewal form`).moveDown(0.6);
  for (const [label, value] of summaryFacts(t)) {
    doc.font('bold').text(`${label}: `, { continued: true }).font('body').text(value);
  }
  doc.moveDown(1);
}

function table(doc: Doc, t: Transcript): void {
  headerRow(doc);
  if (t.entries.length === 0) {
    doc.font('body').fontSize(10).text(noEntriesLine(), MARGIN, doc.y + PAD);
    return;
  }
  for (const entry of t.entries) row(doc, pdfCells(entry), 'body');
}

function headerRow(doc: Doc): void {
  row(doc, [...PDF_COLUMNS], 'bold', true);
}

/** One row of cells; a row that would cross the foot starts a new page, under a repeated header. */
function row(doc: Doc, cells: readonly string[], font: 'body' | 'bold', isHeader = false): void {
  doc.font(font).fontSize(TABLE_SIZE);
  const height = Math.max(...cells.map((cell, i) => doc.heightOfString(cell, { width: (WIDTHS[i] ?? 40) - 2 * PAD }))) + 2 * PAD;
  if (doc.y + height > doc.page.height - MARGIN - 20) {
    doc.addPage();
    if (!isHeader) {
      headerRow(doc);
      doc.font(font).fontSize(TABLE_SIZE);
    }
  }
  const top = doc.y;
  let x = MARGIN;
  if (isHeader) doc.rect(MARGIN, top, 512, height).fill('#e8eef4').fillColor('black');
  cells.forEach((cell, i) => {
    const width = WIDTHS[i] ?? 40;
    doc.text(cell, x + PAD, top + PAD, { width: width - 2 * PAD, lineBreak: true });
    x += width;
  });
  doc.moveTo(MARGIN, top + height).lineTo(MARGIN + 512, top + height).lineWidth(0.5).strokeColor('#b0b8c0').stroke();
  doc.x = MARGIN;
  doc.y = top + height;
}

/** "Page 1 of 2" at the foot of every page, once the number of pages is known. */
function pageNumbers(doc: Doc): void {
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    // Writing inside the bottom margin would otherwise start a new page.
    doc.page.margins.bottom = 0;
    doc.font('body').fontSize(8).fillColor('#555555').text(`Page ${i - start + 1} of ${count}`, MARGIN, doc.page.height - MARGIN + 15, { width: 512, align: 'center', lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
}
