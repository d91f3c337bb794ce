import { describe, expect, it } from 'vitest';
import { jsonLogger, redact } from '../../../adapters/cli/logger.ts';

describe('the JSON logger', () => {
  it.each([
    ['xoxb-1234-5678-abcdef', 'xoxb-…[redacted]'],
    ['token xoxp-99-88 used', 'token xoxp-…[redacted] used'],
    ['xapp-1-A1-2-3', 'xapp-…[redacted]'],
    ['Authorization: Bearer eyJhbGciOi.J9.sig', 'Authorization: Beare…[redacted]'],
  ])('redacts %j', (text, expected) => {
    expect(redact(text)).toBe(expected);
  });

  it('writes JSON lines at and above its level, redacted', () => {
    const lines: string[] = [];
    const log = jsonLogger('info', (line) => lines.push(line), () => '2026-11-27T15:00:00.000Z');
    log.debug('hidden');
    log.info('installed', { token: 'xoxb-secret-token' });
    log.error('failed', { code: 42 });
    expect(lines.map((l) => JSON.parse(l) as Record<string, unknown>)).toEqual([
      { time: '2026-11-27T15:00:00.000Z', level: 'info', message: 'installed', token: 'xoxb-…[redacted]' },
      { time: '2026-11-27T15:00:00.000Z', level: 'error', message: 'failed', code: 42 },
    ]);
  });
});

describe('redacting configured secrets', () => {
  it('masks secrets that have no telltale prefix', () => {
    const lines: string[] = [];
    const log = jsonLogger('info', (line) => lines.push(line), () => 't', ['signing-secret-123', 'abc']);
    log.warn('verification failed', { secret: 'signing-secret-123', short: 'abc' });
    expect(lines[0]).toContain('"secret":"[redacted]"');
    expect(lines[0]).toContain('"short":"abc"');
  });
});
