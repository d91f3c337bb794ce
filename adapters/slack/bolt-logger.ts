import { LogLevel as BoltLevel, type Logger as BoltLogger } from '@slack/logger';
import type { Logger, LogLevel } from '../../src/index.ts';

const BOLT_LEVEL: Readonly<Record<LogLevel, BoltLevel>> = { debug: BoltLevel.DEBUG, info: BoltLevel.INFO, warn: BoltLevel.WARN, error: BoltLevel.ERROR };
const ORDER: readonly BoltLevel[] = [BoltLevel.DEBUG, BoltLevel.INFO, BoltLevel.WARN, BoltLevel.ERROR];

/**
 * Bolt and its Web API clients log through Recert's logger (JSON lines, secrets redacted there),
 * from `level` (LOG_LEVEL) up: LOG_LEVEL=debug shows Bolt's debug lines.
 */
export function boltLogger(log: Logger, level: LogLevel = 'info'): BoltLogger {
  let current = BOLT_LEVEL[level];
  const shows = (at: BoltLevel) => ORDER.indexOf(at) >= ORDER.indexOf(current);
  const text = (parts: unknown[]) => parts.map((p) => (p instanceof Error ? p.message : typeof p === 'string' ? p : JSON.stringify(p))).join(' ');
  return {
    debug: (...parts) => void (shows(BoltLevel.DEBUG) && log.debug(text(parts), { from: 'bolt' })),
    info: (...parts) => void (shows(BoltLevel.INFO) && log.info(text(parts), { from: 'bolt' })),
    warn: (...parts) => void (shows(BoltLevel.WARN) && log.warn(text(parts), { from: 'bolt' })),
    error: (...parts) => log.error(text(parts), { from: 'bolt' }),
    setLevel: (next) => {
      current = next;
    },
    getLevel: () => current,
    setName: () => undefined,
  };
}
