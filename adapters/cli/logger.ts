import type { Logger, LogLevel } from '../../src/index.ts';

const ORDER: Readonly<Record<LogLevel, number>> = { debug: 10, info: 20, warn: 30, error: 40 };

/** Slack and Bot Framework secrets, and bearer headers, are masked wherever they appear in a log line. */
const SECRET = /\b(xox[abposer]-[A-Za-z0-9-]+|xapp-[A-Za-z0-9-]+|Bearer\s+[A-Za-z0-9._~+/=-]+)/g;

/** Mask token-shaped strings, and every configured secret (signing, client and state secrets have no telltale prefix). */
export function redact(text: string, secrets: readonly string[] = []): string {
  let out = text.replace(SECRET, (match) => `${match.slice(0, 5)}…[redacted]`);
  for (const secret of secrets) if (secret.length >= 6) out = out.split(secret).join('[redacted]');
  return out;
}

/** JSON lines on `sink` (stderr), at `level` and above. */
export function jsonLogger(level: LogLevel, sink: (line: string) => void, now: () => string, secrets: readonly string[] = []): Logger {
  const emit = (at: LogLevel) => (message: string, fields: Record<string, unknown> = {}) => {
    if (ORDER[at] < ORDER[level]) return;
    sink(redact(JSON.stringify({ time: now(), level: at, message, ...fields }), secrets));
  };
  return { debug: emit('debug'), info: emit('info'), warn: emit('warn'), error: emit('error') };
}
