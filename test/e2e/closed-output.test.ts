import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { BIN } from '../support/run-cli.ts';

// Review finding 3 (docs/reviews/final-review.md): `recert report | head` printed Node's
// "Unhandled 'error' event … write EPIPE" stack trace when head stopped reading.
describe('output to a reader that stops early', () => {
  it('ends quietly (exit 0, nothing on stderr) when stdout is closed while Recert still writes', async () => {
    const child = spawn(process.execPath, [BIN, 'parse', '--json'], { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, DATABASE_URL: '' } });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    // Like `head -1`: read the first answer, then close the pipe while more lines are sent.
    child.stdout.once('data', () => child.stdout.destroy());
    const line = 'MLN webinar "Telehealth billing" 45 min yesterday\n';
    child.stdin.on('error', () => undefined);
    child.stdin.write(line);
    const feed = setInterval(() => child.stdin.write(line.repeat(200)), 20);
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    clearInterval(feed);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
  }, 60_000);
});
