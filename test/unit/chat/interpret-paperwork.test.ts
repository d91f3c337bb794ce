import { describe, expect, it } from 'vitest';
import { interpret } from '../../../src/chat/interpret.ts';

describe('interpret: renewal paperwork', () => {
  it.each([
    ['export transcript', { what: 'transcript', format: 'pdf' }, null],
    ['export transcript pdf', { what: 'transcript', format: 'pdf' }, null],
    ['Export Transcript CSV', { what: 'transcript', format: 'csv' }, null],
    ['export my transcript as csv', { what: 'transcript', format: 'csv' }, null],
    ['export pack', { what: 'pack' }, null],
    ['export evidence pack', { what: 'pack' }, null],
    ['send me my transcript', { what: 'transcript', format: 'pdf' }, null],
    ['please send me my transcript as a csv', { what: 'transcript', format: 'csv' }, null],
    ['give me my evidence pack!', { what: 'pack' }, null],
    ['transcript', { what: 'transcript', format: 'pdf' }, null],
    ['export transcript @ana', { what: 'transcript', format: 'pdf' }, { token: 'ana' }],
    ['export transcript csv @U0ANA', { what: 'transcript', format: 'csv' }, { token: 'U0ANA' }],
    ['export pack @"Zoë Ñúñez"', { what: 'pack' }, { token: 'Zoë Ñúñez' }],
  ])('%s', (text, request, who) => {
    expect(interpret(text)).toEqual({ kind: 'export', request, who });
  });

  it.each(['export', 'export everything', 'export transcript docx', 'export pack @ana @ben'])('%s → the export help', (text) => {
    expect(interpret(text)).toMatchObject({ kind: 'unknown', reason: 'usage', topic: 'export' });
  });

  it.each(['help export', 'help paperwork', 'help transcript'])('%s → help on exports', (text) => {
    expect(interpret(text)).toEqual({ kind: 'help', topic: 'export' });
  });

  it('leaves a training about transcripts to the log', () => {
    expect(interpret('finished the MLN webinar "Medical transcript basics" 45 min yesterday').kind).toBe('log');
  });
});
