// Each CSV/TSV column's place in the file (its header cell as written, its 0-based field) is in the cache's
// meta.json, where exported models read it: renamed headers (a repeated name, an empty cell, spaces) still
// lead back to the user's cells.
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { META_FILE, parseCacheMeta, type ImportOptions, type SourceField } from '../../common/dataset-cache';
import { runImport } from './run';
import { sourceFields } from './source-fields';

const tmp = mkdtempSync(join(tmpdir(), 'gatelab-source-fields-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
let seq = 0;

/** Imports `content` and returns each column's name and sourceField as meta.json on disk has them. */
async function fieldsOf(content: string | Buffer, options: ImportOptions = {}, ext = 'csv'): Promise<Array<[string, SourceField | undefined]>> {
  const src = join(tmp, `f${seq}.${ext}`), out = join(tmp, `out${seq++}`);
  writeFileSync(src, content);
  await runImport(src, out, options);
  return parseCacheMeta(readFileSync(join(out, META_FILE), 'utf8')).columns.map((c) => [c.name, c.sourceField]);
}

const body = (n: number, cells: (i: number) => string[], d = ',') => Array.from({ length: n }, (_, i) => cells(i).join(d)).join('\n') + '\n';

describe('where each column is in its file', () => {
  it('a repeated, an empty, a padded and a quoted header cell: the lab\'s names and the cells as written, with their fields', async () => {
    const header = 'id\tcategory\t price \tcategory\t\t"click, yes?"\n';
    const fields = await fieldsOf(header + body(30, (i) => [String(i), `c${i % 3}`, String(i * 1.5), `x${i % 4}`, String(i % 5), String(i % 2)], '\t'), {}, 'tsv');
    expect(fields).toEqual([
      ['id', { header: 'id', index: 0 }],
      ['category', { header: 'category', index: 1 }],
      ['price', { header: ' price ', index: 2 }],
      ['category_2', { header: 'category', index: 3 }],
      ['column_5', { header: '', index: 4 }],
      ['click, yes?', { header: 'click, yes?', index: 5 }],
    ]);
  });

  it('a UTF-8 BOM is not part of the first header; a UTF-16 file and a ;-separated one are read as the import read them', async () => {
    const text = 'Zeit;Wert;Wert\n' + body(20, (i) => [`2024-01-${String(1 + i).padStart(2, '0')}`, `${i},5`, String(i)], ';');
    expect((await fieldsOf(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])))[0]).toEqual(['Zeit', { header: 'Zeit', index: 0 }]);
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    expect(await fieldsOf(utf16)).toEqual([['Zeit', { header: 'Zeit', index: 0 }], ['Wert', { header: 'Wert', index: 1 }], ['Wert_2', { header: 'Wert', index: 2 }]]);
  });

  it('a file without a header row: no header cell, the field by position', async () => {
    const fields = await fieldsOf(body(20, (i) => [String(i * 0.5), String(i % 3), String(i * 2.25)]), { header: false });
    expect(fields).toEqual([['column_1', { header: null, index: 0 }], ['column_2', { header: null, index: 1 }], ['column_3', { header: null, index: 2 }]]);
  });

  it('other formats are read by key: nothing recorded', async () => {
    const fields = await fieldsOf(body(10, (i) => [JSON.stringify({ a: i, b: `t${i % 2}` })]), {}, 'jsonl');
    expect(fields).toEqual([['a', undefined], ['b', undefined]]);
  });

  it('names that the header does not give are not matched up by guess', () => {
    expect(sourceFields(['a', 'a'], ['a', 'a_2'])).toEqual([{ header: 'a', index: 0 }, { header: 'a', index: 1 }]);
    expect(sourceFields(['a', 'b'], ['b', 'a'])).toBeNull();
    expect(sourceFields(['a', 'b', 'c'], ['a', 'b'])).toBeNull();
  });
});
