import { describe, expect, it } from 'vitest';
import { codeSpans } from './code-spans';

describe('codeSpans', () => {
  it('splits a lab message into text and `code` parts', () => {
    expect(codeSpans('run `npm run setup:gpu` (needs network)')).toEqual([
      { text: 'run ', code: false }, { text: 'npm run setup:gpu', code: true }, { text: ' (needs network)', code: false },
    ]);
    expect(codeSpans('`a` and `b`').map((p) => p.code)).toEqual([true, false, true]);
  });
  it('leaves a lone backtick and plain text as they are', () => {
    expect(codeSpans('it`s fine')).toEqual([{ text: 'it`s fine', code: false }]);
    expect(codeSpans('')).toEqual([]);
  });
});
