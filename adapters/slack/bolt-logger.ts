import { LogLevel, type Logger as BoltLogger } from '@slack/logger';
import type { Logger } from '../../src/index.ts';

/** Bolt logs through Recert's logger (JSON lines, secrets redacted there), at warn and above by default. */
export function boltLogger(log: Logger): BoltLogger {
  let level = LogLevel.WARN;
  const text = (parts: unknown[]) => parts.map((p) => (p instanceof Error ? p.message : typeof p === 'string' ? p : JSON.stringify(p))).join(' ');
  return {
    debug: (...parts) => void (level === LogLevel.DEBUG && log.debug(text(parts), { from: 'bolt' })),
    info: (...parts) => void ((level === LogLevel.DEBUG || level === LogLevel.INFO) && log.info(text(parts), { from: 'bolt' })),
    warn: (...parts) => log.warn(text(parts), { from: 'bolt' }),
    error: (...parts) => log.error(text(parts), { from: 'bolt' }),
    setLevel: (next) => {
      level = next;
    },
    getLevel: () => level,
    setName: () => undefined,
  };
}
