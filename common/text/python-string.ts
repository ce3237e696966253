// Advice text hands the user pandas lines to paste (`pd.read_csv('data.csv', na_values=[-9999])`,
// `df['label'] = ...`): every file, column or value name in them goes through this one rule, so a name with a
// quote or a backslash still reads as the string the user has.

/** A Python string literal of `s` in single quotes (`\`, `'` escaped; tab, newline and return written '\t', '\n', '\r'). */
export function pyString(s: string): string {
  const escaped = s.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
  return `'${escaped}'`;
}
