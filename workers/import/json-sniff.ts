// Which JSON a file's first bytes show: a JSON array of records ('json'), JSON Lines ('jsonl'), or not
// JSON by its look (null: the caller goes on to CSV). A '.json' name is only a hint: pandas writes JSON
// Lines to '.json' files as often as arrays, so the content decides between the two.
import type { ImportFormat } from '../../common/dataset-cache';

/** Every value an object or an array: pandas' orient='columns'/'index'/'split'/'table', not a record. */
const allNested = (o: Record<string, unknown>) => {
  const values = Object.values(o);
  return values.length > 0 && values.every((v) => typeof v === 'object' && v !== null);
};

/**
 * `named`: the file ends in '.json'. `whole`: `head` is the whole file. A '{' start whose first line is not
 * a whole object in the head (a long JSON Lines record, or a pretty-printed object) is 'json' when named:
 * runImport then reads on to tell them apart (json-array.ts objectFileIsJsonLines).
 */
export function sniffJson(head: Buffer, named: boolean, whole: boolean): ImportFormat | null {
  const text = head.toString('utf8', 0, Math.min(head.length, 4096)).replace(/^\uFEFF/, '');
  const start = text.trimStart();
  if (start.startsWith('[')) return named || /^\[\s*[{\]]/.test(start) ? 'json' : null;
  // unnamed files are judged by their first line as they always were (a blank first line is CSV)
  const firstLine = (named ? start : text).split('\n')[0].trim();
  if (firstLine.startsWith('{') && firstLine.endsWith('}')) {
    let value: unknown;
    try { value = JSON.parse(firstLine); } catch { /* not JSON: a CSV that starts with a brace */ }
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      const alone = whole && text.slice(text.indexOf(firstLine) + firstLine.length).trim() === '';
      // one object of columns in the whole file: the array reader refuses it, saying how to write records
      return alone && allNested(value as Record<string, unknown>) ? 'json' : 'jsonl';
    }
  }
  return named ? 'json' : null;
}
