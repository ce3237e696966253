// Advice hands the user pandas lines to paste: a name written by pyString must reach Python as exactly that
// name (quotes, backslashes, tabs, newlines, unicode), proved by a real Python interpreter.
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { pyString } from './python-string';

const NASTY = ["it's", 'say "hi"', 'a\\b', 'C:\\data\\new.csv', "\\'", 'tab\there', 'line\nbreak', 'cr\r', 'ünïcødé ☂', '', "'", '{x}', '%s'];
const python = ['/usr/bin/python3', 'python3'].find((p) => {
  try { execFileSync(p, ['-c', 'pass']); return true; } catch { return false; }
});

describe.skipIf(python === undefined)('pyString in a real Python', () => {
  it('gives Python back every name exactly', () => {
    const program = `import json; print(json.dumps([${NASTY.map(pyString).join(', ')}]))`;
    expect(JSON.parse(execFileSync(python!, ['-c', program], { encoding: 'utf8' }))).toEqual(NASTY);
  });
});

describe('pyString', () => {
  it('writes a plain name as a plain single-quoted literal', () => {
    expect(pyString('Recommended IND')).toBe("'Recommended IND'");
    expect(pyString("it's")).toBe("'it\\'s'");
  });
});
