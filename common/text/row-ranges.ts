// Row picks typed by the user, for Try it and `gatelab knockout --rows`: "0-4, 9" -> [0, 1, 2, 3, 4, 9]; a
// string says what is wrong.
export const MAX_ROWS = 200;

export function parseRows(s: string): number[] | string {
  const rows: number[] = [];
  for (const part of s.split(',').map((p) => p.trim()).filter(Boolean)) {
    const m = /^(\d+)(?:\s*-\s*(\d+))?$/.exec(part);
    if (!m) return `'${part}' is not a row number or a range like 0-9`;
    const a = Number(m[1]);
    const b = m[2] === undefined ? a : Number(m[2]);
    if (b < a) return `the range '${part}' runs backwards`;
    if (rows.length + (b - a + 1) > MAX_ROWS) return `at most ${MAX_ROWS} rows at a time`;
    for (let r = a; r <= b; r++) rows.push(r);
  }
  return rows.length ? rows : 'name at least one row';
}
