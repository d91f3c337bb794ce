import type { Paperwork, PaperworkDelivery, Reply } from '../../../src/index.ts';
import { formatBytes, plural } from '../format.ts';
import { code, list, note, paragraph, rich, sentences, strong, type Presentation, type Rich } from '../presentation.ts';

type Of<K extends Reply['kind']> = Extract<Reply, { kind: K }>;

/** "your transcript (PDF)", "Ana Ortiz's evidence pack (3 certificates)". */
function what(paperwork: Paperwork, isSelf: boolean): Rich {
  if (paperwork.what === 'report') return rich('the compliance report (CSV, ', plural(paperwork.rows.length, 'person', 'people'), paperwork.limitedTo ? `: ${paperwork.limitedTo.join(', ')}` : '', ')');
  const transcript = paperwork.what === 'transcript' ? paperwork.transcript : paperwork.pack.transcript;
  const whose = isSelf ? 'your' : `${transcript.person.displayName}'s`;
  if (paperwork.what === 'transcript') return rich(whose, ' transcript (', paperwork.format.toUpperCase(), ')');
  return rich(whose, ' evidence pack (the transcript and ', plural(paperwork.pack.files.length, 'certificate'), ')');
}

function capitalised(text: Rich): Rich {
  const [first, ...rest] = text;
  return typeof first === 'string' ? [first.charAt(0).toUpperCase() + first.slice(1), ...rest] : text;
}

function fileLines(delivered: PaperworkDelivery): Rich[] {
  return delivered.files.map((f) => rich(code(f.name), ` (${formatBytes(f.sizeBytes)})`));
}

function placeOf(place: PaperworkDelivery['place'], subject: Rich, isSelf: boolean): Rich {
  const alone = isSelf ? null : ', to you alone';
  if (place.kind === 'dm') return rich('Sent ', subject, ' to ', strong('your DM'), alone, ':');
  if (place.kind === 'consent') return rich('Offered ', subject, ' in ', strong('our personal chat'), alone, `: press Allow on the file card within ${place.minutes} minutes to save it to your OneDrive:`);
  return rich('Wrote ', subject, ' to ', code(place.path), ':');
}

/**
 * An export, once the adapter has made the files and put them somewhere: where they went and their
 * names, never what they say (the note may be read in a channel).
 */
export function presentPaperwork(reply: Of<'paperwork'>): Presentation {
  const subject = what(reply.paperwork, reply.isSelf);
  const { delivered } = reply;
  if (!delivered) return sentences('info', rich(capitalised(subject), ' is being made.'));
  const place = placeOf(delivered.place, subject, reply.isSelf);
  const body = [paragraph(place), list(null, fileLines(delivered))];
  const extra = reply.paperwork.what === 'pack' ? [note(rich('Inside: transcript.pdf, transcript.csv, each certificate named by entry, and SHA256SUMS (the SHA-256 of every file).'))] : [];
  return { tone: 'ok', heading: null, body: [...body, ...extra], actions: [], typed: null };
}
