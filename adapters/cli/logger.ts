import type { Logger, LogLevel } from '../../src/index.ts';

const ORDER: Readonly<Record<LogLevel, number>> = { debug: 10, info: 20, warn: 30, error: 40 };

/** Slack and Bot Framework secrets, and bearer headers, are masked wherever they appear in a log line. */
const SECRET = /\b(xox[abposer]-[A-Za-z0-9-]+|xapp-[A-Za-z0-9-]+|Bearer\s+[A-Za-z0-9._~+/=-]+)/g;

export function redact(text: string): string {
  return text.replace(SECRET, (match) => `${match.slice(0, 5)}…[redacted]`);
}

/** JSON lines on `sink` (stderr), at `level` and above. */
export function jsonLogger(level: LogLevel, sink: (line: string) => void, now: () => string): Logger {
  const emit = (at: LogLevel) => (message: string, fields: Record<string, unknown> = {}) => {
    if (ORDER[at] < ORDER[level]) return;
    sink(redact(JSON.stringify({ time: now(), level: at, message, ...fields })));
  };
  return { debug: emit('debug'), info: emit('info'), warn: emit('warn'), error: emit('error') };
}
