// Commands in advice text are pasted into a shell: a quoted word must reach the command exactly as the
// name is (spaces, quotes, `$`, backticks, globs, newlines, unicode, empty), and a plain name must stay
// bare so the command reads as the user would type it. Proved by a real sh (and bash, where there is one).
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { shellWord } from './shell-word';

const NASTY = [
  'is click', "it's", 'say "hi"', '$HOME', '${PATH}', '`id`', '$(id)', '*', 'a*b?[c]', '!', '!!', 'a\nb', '\n',
  'ünïcødé ☂', '日本語', '', ' ', '\t', 'a\\b', "''", "'", '\'"\'', '-n', '--help', '~', '~/x', '=ls', 'a;b', 'a|b',
  'a&b', '(a)', '{a,b}', '#x', 'a>b', 'x=1 y', '%s\\n',
];
const shells = ['/bin/sh', '/bin/bash'].filter((s) => existsSync(s));

/** What the shell gives `printf "%s\n"` for the word as shellWord wrote it into a command line. */
const echoed = (shell: string, word: string) =>
  execFileSync(shell, ['-c', `printf "%s\\n" ${shellWord(word)}`], { encoding: 'utf8' });

describe.skipIf(process.platform === 'win32' || shells.length === 0)('shellWord in a real shell', () => {
  for (const shell of shells) {
    it(`brings every nasty word back exactly as one argument (${shell})`, () => {
      for (const word of NASTY) expect(echoed(shell, word), JSON.stringify(word)).toBe(`${word}\n`);
    });
  }

  it('keeps each word one argument: several in a row are not split or joined', () => {
    const words = ['is click', '', 'a b c', "it's"];
    const out = execFileSync(shells[0], ['-c', `printf "[%s]" ${words.map(shellWord).join(' ')}`], { encoding: 'utf8' });
    expect(out).toBe(words.map((w) => `[${w}]`).join(''));
  });
});

describe('shellWord', () => {
  it('leaves names, paths and column=role bare', () => {
    for (const word of ['click', 'rating=float', 'data/u.data', '/tmp/x.csv', 'a,b', 'user@host:1', '50%', 'c++', 'a-b_c.d', 'C:x'])
      expect(shellWord(word)).toBe(word);
  });

  it("single-quotes anything else, with ' written as '\\''", () => {
    expect(shellWord('is click')).toBe("'is click'");
    expect(shellWord("it's")).toBe("'it'\\''s'");
    expect(shellWord('a\nb')).toBe("'a\nb'");
    expect(shellWord('é')).toBe("'é'");
  });

  it('quotes the empty word and words starting with -, ~ or =', () => {
    expect(shellWord('')).toBe("''");
    expect(shellWord('-n')).toBe("'-n'");
    expect(shellWord('~/data')).toBe("'~/data'");
    expect(shellWord('=ignore')).toBe("'=ignore'");
  });
});
