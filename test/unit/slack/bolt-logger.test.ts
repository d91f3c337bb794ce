import { LogLevel } from '@slack/logger';
import { describe, expect, it } from 'vitest';
import { boltLogger } from '../../../adapters/slack/bolt-logger.ts';
import { RecordingLogger } from '../../fakes/recording-logger.ts';

describe('boltLogger: Bolt logs through ours, from LOG_LEVEL up', () => {
  it('at debug passes every level on, marked as Bolt', () => {
    const log = new RecordingLogger();
    const bolt = boltLogger(log, 'debug');
    expect(bolt.getLevel()).toBe(LogLevel.DEBUG);
    bolt.debug('initializing', { a: 1 });
    bolt.info('connected');
    bolt.warn(new Error('slow'));
    bolt.error('failed');
    expect(log.lines).toEqual([
      { level: 'debug', message: 'initializing {"a":1}', fields: { from: 'bolt' } },
      { level: 'info', message: 'connected', fields: { from: 'bolt' } },
      { level: 'warn', message: 'slow', fields: { from: 'bolt' } },
      { level: 'error', message: 'failed', fields: { from: 'bolt' } },
    ]);
  });

  it('at warn drops debug and info, and follows a later setLevel', () => {
    const log = new RecordingLogger();
    const bolt = boltLogger(log, 'warn');
    bolt.debug('d');
    bolt.info('i');
    bolt.warn('w');
    bolt.setLevel(LogLevel.ERROR);
    bolt.warn('w2');
    bolt.error('e');
    expect(log.lines.map((l) => l.message)).toEqual(['w', 'e']);
  });

  it('defaults to info, the level Bolt itself would pick', () => {
    expect(boltLogger(new RecordingLogger()).getLevel()).toBe(LogLevel.INFO);
  });
});
