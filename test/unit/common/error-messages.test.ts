import { describe, expect, it } from 'vitest';
import { errorMessage } from '../../../adapters/common/error-messages.ts';

describe('wording of refused input', () => {
  it.each([
    ['message', 'Your message contains an invisible control character (U+0000, character 3), which I can\'t store. Type it again without it (text copied from a PDF or another app sometimes carries one).'],
    ['title', 'The title contains an invisible control character (U+0000, character 3), which I can\'t store. Type it again without it (text copied from a PDF or another app sometimes carries one).'],
    ['certificate-number', 'The certificate number contains an invisible control character (U+0000, character 3), which I can\'t store. Type it again without it (text copied from a PDF or another app sometimes carries one).'],
    ['fee-reference', 'The fee reference contains an invisible control character (U+0000, character 3), which I can\'t store. Type it again without it (text copied from a PDF or another app sometimes carries one).'],
    ['file-name', 'The file\'s name contains an invisible control character (U+0000, character 3), which I can\'t store. Rename the file and share it again.'],
  ])('a control character in the %s', (field, message) => {
    expect(errorMessage('text-control-character', { field, codePoint: 'U+0000', position: 3 })).toBe(message);
  });

  it('a fee reference that is too long, and a title outside the rule', () => {
    expect(errorMessage('fee-reference-invalid', { max: 100, length: 130 })).toBe('A fee reference can be 100 characters at most (that one has 130). Send just the receipt or invoice number.');
    expect(errorMessage('title-invalid', { min: 3, max: 300, length: 2 })).toBe('A title needs at least 3 letters (or is a short acronym such as E/M or Q&A) and at most 300 characters.');
    expect(errorMessage('title-invalid', {})).toBe('A title needs at least 3 letters (or is a short acronym such as E/M or Q&A) and at most 300 characters.');
  });
});
