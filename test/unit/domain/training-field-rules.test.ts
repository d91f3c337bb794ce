import { describe, expect, it } from 'vitest';
import { findControlCharacter } from '../../../src/domain/text.ts';
import { checkCompletionDate, checkKind, checkMinutes, checkMinutesText, checkTitle, checkTyped, orRefuse } from '../../../src/domain/training-field-rules.ts';

const TODAY = '2026-11-27';
const codeOf = (check: { ok: boolean; problem?: { code: string } }) => (check.ok ? 'ok' : check.problem?.code);

describe('control characters', () => {
  it.each([
    ['a\u0000b', 'U+0000', 2],
    ['\u0007bell', 'U+0007', 1],
    ['del\u007f', 'U+007F', 4],
    ['c1 \u0085', 'U+0085', 4],
    ['lone \ud800 surrogate', 'U+D800', 6],
    ['\udc00', 'U+DC00', 1],
    ['esc\u001b[31m', 'U+001B', 4],
  ])('finds %j', (text, codePoint, position) => {
    expect(findControlCharacter(text)).toEqual({ codePoint, position });
  });

  it.each(['plain', 'tab\tand\nlines\r\n', 'emoji 😀 and é (e\u0301)', 'zero\u200dwidth joiner', 'Ünïcödé – “quotes”', ''])('accepts %j', (text) => {
    expect(findControlCharacter(text)).toBeNull();
  });

  it('counts tab and line breaks as control characters only in one-line values', () => {
    expect(findControlCharacter('a\tb\nc', 'message')).toBeNull();
    expect(findControlCharacter('a\tb\nc', 'title')).toBeNull();
    expect(findControlCharacter('cert\n.pdf', 'file-name')).toEqual({ codePoint: 'U+000A', position: 5 });
    expect(findControlCharacter('INV\t1', 'fee-reference')).toEqual({ codePoint: 'U+0009', position: 4 });
    expect(findControlCharacter('CMSS\r1', 'certificate-number')).toEqual({ codePoint: 'U+000D', position: 5 });
  });

  it('names the field it refuses', () => {
    expect(checkTyped('INV\u00001', 'fee-reference')).toEqual({ ok: false, problem: { code: 'text-control-character', details: { field: 'fee-reference', codePoint: 'U+0000', position: 4 } } });
    expect(() => orRefuse(checkTyped('x\u0000', 'message'))).toThrow(expect.objectContaining({ code: 'text-control-character' }));
  });
});

describe('one rule per training field', () => {
  it.each([
    ['Telehealth Billing', 'ok'],
    ['Abc', 'ok'],
    ['A1 b2 c3', 'ok'],
    ['Ética médica', 'ok'],
    ['医療記録', 'ok'],
    ['x'.repeat(300), 'ok'],
    ['', 'title-missing'],
    ['   ', 'title-missing'],
    ['ab', 'title-invalid'],
    ['123 45', 'title-invalid'],
    ['...', 'title-invalid'],
    ['x'.repeat(301), 'title-invalid'],
    ['Tele\u0000health', 'text-control-character'],
  ])('title %j → %s', (title, expected) => {
    expect(codeOf(checkTitle(title))).toBe(expected);
  });

  it('tidies whitespace in a title, and counts its length after that', () => {
    expect(checkTitle('  Telehealth \t  Billing  ')).toEqual({ ok: true, value: 'Telehealth Billing' });
    expect(checkTitle(`${'x'.repeat(150)}      ${'y'.repeat(149)}`).ok).toBe(true);
  });

  it.each([
    [TODAY, 'ok'],
    ['2016-11-27', 'ok'],
    ['2016-11-26', 'date-before-range'],
    ['1990-06-01', 'date-before-range'],
    ['2026-11-28', 'future-date'],
    ['2027-01-01', 'future-date'],
    ['2026-02-30', 'invalid-date'],
    ['26-11-2026', 'invalid-date'],
    ['', 'invalid-date'],
  ])('completion date %s → %s', (date, expected) => {
    expect(codeOf(checkCompletionDate(date, TODAY))).toBe(expected);
  });

  it.each([
    [0, 'ok'],
    [45, 'ok'],
    [1440, 'ok'],
    [1441, 'length-too-long'],
    [-1, 'length-invalid'],
    [Number.NaN, 'length-invalid'],
    [Number.POSITIVE_INFINITY, 'length-invalid'],
  ])('minutes %d → %s', (minutes, expected) => {
    expect(codeOf(checkMinutes(minutes))).toBe(expected);
  });

  it.each([
    ['45', 'ok'],
    [' 90 ', 'ok'],
    ['1440', 'ok'],
    ['1441', 'length-too-long'],
    ['99999', 'length-too-long'],
    ['-5', 'length-invalid'],
    ['4.5', 'length-invalid'],
    ['lots', 'length-invalid'],
    ['', 'length-invalid'],
  ])('minutes typed %j → %s', (text, expected) => {
    expect(codeOf(checkMinutesText(text))).toBe(expected);
  });

  it.each([
    ['wbt', 'ok'],
    ['npc', 'ok'],
    ['webinar', 'ok'],
    ['event', 'ok'],
    ['other', 'ok'],
    ['podcast', 'kind-unknown'],
    ['WBT', 'kind-unknown'],
    ['', 'kind-unknown'],
  ])('kind %j → %s', (kind, expected) => {
    expect(codeOf(checkKind(kind))).toBe(expected);
  });
});
