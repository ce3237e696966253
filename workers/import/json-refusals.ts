// JSON that is not records: refused saying what the file holds and how to write records instead (pandas
// and jq, the two tools such files most often come from). GateLab reads one row per JSON object, as a JSON
// array of objects or JSON Lines; guessing rows out of another shape would build a dataset the user did
// not mean (pandas' default to_json, orient='columns', would become one row of N-value columns).
import { ImportError } from '../../common/dataset-cache';
import { shellWord } from '../../common/text/shell-word';

const RECORDS = `GateLab reads records, one JSON object per row: a JSON array of objects ([{"a": 1}, {"a": 2}], pandas orient='records') or JSON Lines (one object per line)`;

/** The file is one JSON object (pandas orient='columns', 'index', 'split' or 'table', or a single record pretty-printed). */
export function topLevelObjectError(file: string): ImportError {
  return new ImportError('bad_format', `${file}: this is one JSON object, not a list of records (pandas writes this shape with to_json's default orient='columns', or 'index', 'split', 'table'). ${RECORDS}. `
    + `Write records instead: in pandas, df = pd.read_json(f, orient=...) with the orient it was written with, then df.to_json('out.jsonl', orient='records', lines=True); `
    + `for an object of records keyed by id (orient='index'): jq -c '.[]' ${file} > out.jsonl. Then import out.jsonl`, { file });
}

/** What a non-object first item is, in words. */
function itemKind(first: number): string {
  if (first === 91) return 'arrays';
  if (first === 34) return 'strings';
  if (first === 116 || first === 102) return 'true/false values';
  if (first === 110) return 'nulls';
  return 'numbers';
}

/** A JSON array whose first item is not an object: an array of arrays (rows without names) or of scalars. */
export function notRecordsError(file: string, line: number, first: number): ImportError {
  const kind = itemKind(first);
  const table = first === 91
    ? `For rows of values without names, save them as CSV with a header row (pandas: pd.DataFrame(rows, columns=[...]).to_csv('out.csv', index=False)) or as .npy, and import that`
    : `Give each value a column name: in pandas, pd.DataFrame({'value': values}).to_json('out.jsonl', orient='records', lines=True), or jq -c '.[] | {value: .}' ${shellWord(file)} > out.jsonl, and import that`;
  return new ImportError('bad_format', `${file}, line ${line}: a JSON array of ${kind}, not of records. ${RECORDS}. ${table}`, { file, line });
}

/** Not JSON at all where a JSON array was expected (a .json file that starts with something else). */
export function notJsonError(file: string, line: number, found: string): ImportError {
  return new ImportError('bad_format', `${file}, line ${line}: expected a JSON array of records ('['), found '${found}'. ${RECORDS}. If the file is CSV or TSV, rename it (.csv) or import with --format csv`, { file, line });
}

/** Broken array structure between records: the file is damaged or not one JSON array. */
export function arrayStructureError(file: string, line: number, what: string): ImportError {
  return new ImportError('bad_format', `${file}, line ${line}: ${what}; the file is not one valid JSON array. Check it with a JSON validator (python -m json.tool ${file} > /dev/null), or export it again`, { file, line });
}

/** The file ends before the array's closing bracket: cut short by a download or a writer that crashed. */
export function cutShortError(file: string, line: number): ImportError {
  return new ImportError('bad_format', `${file}, line ${line}: the file ends inside the JSON array, before its closing ']': it is cut short. Download or export it again`, { file, line });
}
