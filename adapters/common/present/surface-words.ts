import { code, rich, type PresentContext, type Rich } from '../presentation.ts';

/**
 * The few sentences that depend on the kind of surface rather than on the command prefix: where an
 * answer goes and how a file is attached. Kept together so a new platform sees them all at once.
 */

/** Chat answers are read in the preview's thread; the terminal is one conversation. */
export function answerHere(context: PresentContext): string {
  return context.surface === 'chat' ? ' in this thread' : '';
}

const TEAMS_FILE = 'Send me the certificate file (PDF, PNG or JPEG) in our personal chat, attached to a message';
const inPersonalChat = (context: PresentContext): boolean => context.surface === 'chat' && context.fileDrop === 'personal-chat';

/** After logging: how to attach the entry's certificate. */
export function attachHint(seq: number, context: PresentContext): Rich {
  // Teams: a file with no words goes to the latest entry without proof — this one, once confirmed.
  if (inPersonalChat(context)) return rich(`${TEAMS_FILE} with no other words: I attach it to entry #${seq}, your latest without a certificate.`);
  if (context.surface === 'chat') return rich(`Share the certificate file (PDF, PNG or JPEG) in this thread to attach it to entry #${seq}.`);
  return rich('Attach its certificate with ', code(`proof ${seq} <file>`), '.');
}

/** The end of every help reply. */
export function helpNote(context: PresentContext): Rich {
  if (inPersonalChat(context)) {
    return rich('Plain messages work too: write to me in our personal chat, or mention me in a channel. ', 'Attach a certificate by sending the file (PDF, PNG or JPEG) to me in our personal chat, attached to a message.');
  }
  if (context.surface === 'chat') {
    return rich(
      'Plain messages work too: write to me in a DM, or mention me in a channel. ',
      "Attach a certificate by sharing the file (PDF, PNG or JPEG) in our conversation or in the entry's thread.",
    );
  }
  return rich(code('as NAME'), ' switches who is speaking; ', code('quit'), ' leaves.');
}

/** Help on attaching a certificate. */
export function proofHelpLines(context: PresentContext): string[] {
  if (inPersonalChat(context)) {
    return ['Send me the certificate file (PDF, PNG or JPEG, 10 MB at most) in our personal chat, attached to a message with no other words: it goes to your latest entry without one.', "For an audit, press the entry's Attach certificate button first: the next file goes to that entry."];
  }
  if (context.surface === 'chat') {
    return ['Share the file of the certificate (PDF, PNG or JPEG, 10 MB at most) in our DM: it goes to your latest entry.', "To attach it to another entry, share it in that entry's thread."];
  }
  return ['proof ./certificate.pdf — attaches to your latest entry', 'proof 3 ./certificate.pdf — attaches to entry 3'];
}

/** Help on exports: where the files go. */
export function exportPlaceLine(context: PresentContext): string {
  if (context.surface === 'chat') return 'The files come to our DM, to you alone (also when they are about someone else).';
  return 'The files are written to ./recert-exports (set RECERT_EXPORT_DIR to change it).';
}

/** An audit's request: how to send the certificates it lists. */
export function auditAttachHint(seqs: readonly number[], context: PresentContext): Rich {
  if (inPersonalChat(context)) return rich(`Press an entry's button, then ${TEAMS_FILE.charAt(0).toLowerCase()}${TEAMS_FILE.slice(1)}: I attach it to that entry.`);
  if (context.surface === 'chat') return rich('Share the certificate file (PDF, PNG or JPEG) here after pressing its button: I attach it to that entry.');
  return rich('Attach its certificate with ', code(`proof ${seqs[0] ?? 1} <file>`), seqs.length > 1 ? ', and likewise for each entry listed.' : '.');
}

/** After "Attach certificate" was pressed: where the file goes. */
export function auditReadyHint(seq: number, context: PresentContext): Rich {
  if (inPersonalChat(context)) return rich(`${TEAMS_FILE}: I attach it to entry #${seq}.`);
  if (context.surface === 'chat') return rich(`Share the certificate file (PDF, PNG or JPEG) here: I attach it to entry #${seq}.`);
  return rich('Attach its certificate with ', code(`proof ${seq} <file>`), '.');
}
