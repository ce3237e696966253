// Advice text hands the user commands to paste into a POSIX shell (sh, bash, zsh): every name, path or
// `column=role` in them goes through this one rule, so the same word is written the same way everywhere.

/**
 * Characters no POSIX shell reads specially inside a word, so `rating=float`, `data/u.data` and `a,b` stay
 * bare and readable. `~` is not among them (home expansion); `=` is, but not first (zsh reads `=cmd`).
 */
const SAFE_WORD = /^[A-Za-z0-9_./:@%+=,-]+$/;

/**
 * A word as typed in a shell: bare when every character is safe, otherwise single-quoted (a `'` inside is
 * written `'\''`: close the quote, an escaped quote, open again). Quoted as well: the empty word (it would
 * vanish), a word starting with `-` (it reads as an option at a glance; quoting shows it is a value)
 * or `=` (zsh's command lookup).
 */
export function shellWord(word: string): string {
  if (SAFE_WORD.test(word) && !/^[-=]/.test(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

/**
 * One word as shellWord writes it, for finding it again in advice text (the app rewrites a pasted command
 * into the UI action that does the same): single-quoted with `'\''` for a quote inside, or bare.
 */
export const SHELL_WORD = String.raw`(?:'[^']*(?:'\\''[^']*)*'|[A-Za-z0-9_./:@%+=,-]+)`;

/** The word a shellWord output stands for: its quotes undone ('Review Text=feature:text' → Review Text=feature:text). */
export function readShellWord(written: string): string {
  if (written.length >= 2 && written.startsWith("'") && written.endsWith("'")) return written.slice(1, -1).replace(/'\\''/g, "'");
  return written;
}
