import { describe, expect, it } from 'vitest';
import { storableName } from '../../../src/domain/text.ts';

describe('storableName (a name a platform gives, cleaned rather than refused)', () => {
  it('drops NUL and other control characters and unpaired surrogates, and turns tabs and line breaks into spaces', () => {
    expect(storableName('Nel\u0000la\u0007')).toBe('Nella');
    expect(storableName('Ana\tMaria\r\nLopez')).toBe('Ana Maria  Lopez');
    expect(storableName('Bad \ud800 half')).toBe('Bad  half');
    expect(storableName('\u009bcsi')).toBe('csi');
  });

  it('keeps every other character as it is', () => {
    expect(storableName('José Ñúñez 李 👩‍⚕️')).toBe('José Ñúñez 李 👩‍⚕️');
  });
});
