import { createInterface } from 'node:readline';
import { renderReply } from './render.ts';
import type { Outcome, ShellSession } from './session.ts';

export interface ShellStreams {
  readonly input: NodeJS.ReadableStream;
  readonly output: NodeJS.WritableStream;
  /** A person at a terminal (prompt, greeting) rather than a pipe (plain replies only). */
  readonly interactive: boolean;
  /** Resolves when the process is asked to stop (SIGTERM): the chat ends after the current line. */
  readonly stopping?: Promise<unknown>;
}

/**
 * The whole bot in a terminal, like Hubot's shell. Lines are handled one at a time, in order;
 * with a pipe it prints each reply as plain text and returns at the end of input.
 */
export async function runShell(session: ShellSession, userName: string, streams: ShellStreams): Promise<void> {
  const write = (text: string) => streams.output.write(`${text}\n`);
  const lines = createInterface({ input: streams.input, output: streams.interactive ? streams.output : undefined, terminal: streams.interactive });
  // Take the iterator before the first await: it buffers lines from now on, and a pipe may deliver
  // (and close) its whole input while we are still greeting.
  const incoming = lines[Symbol.asyncIterator]();
  // Ctrl-C at the prompt, or a signal to the process, ends the chat cleanly (the database is closed after).
  lines.on('SIGINT', () => lines.close());
  void streams.stopping?.then(() => lines.close());
  if (streams.interactive) write('Recert — your CE compliance assistant. Type `help` for what I can do, `quit` to leave.');
  show(await session.speakAs(userName), write);
  const prompt = () => {
    if (!streams.interactive) return;
    lines.setPrompt(`${session.speaker}> `);
    lines.prompt();
  };
  prompt();
  for (let next = await incoming.next(); !next.done; next = await incoming.next()) {
    const line = next.value;
    const outcome = await session.handle(line);
    show(outcome, write);
    if (outcome.quit) break;
    prompt();
  }
  lines.close();
}

function show(outcome: Outcome, write: (text: string) => void): void {
  if (outcome.notice) write(outcome.notice);
  for (const reply of outcome.replies) write(`${renderReply(reply)}\n`);
}
