// The words of the refusals of JSON that is not records: what the file is and the command that fixes it.
import { describe, expect, it } from 'vitest';
import { notRecordsError, topLevelObjectError } from './json-refusals';

describe('JSON refusals', () => {
  it('name the shape found by its first item', () => {
    expect(notRecordsError('f.json', 3, '"'.charCodeAt(0)).message).toMatch(/^f\.json, line 3: a JSON array of strings, not of records/);
    expect(notRecordsError('f.json', 1, 't'.charCodeAt(0)).message).toMatch(/array of true\/false values/);
    expect(notRecordsError('f.json', 1, '['.charCodeAt(0))).toMatchObject({ code: 'bad_format', line: 1 });
  });

  it("a top-level object points to pandas orient='records' and jq", () => {
    const m = topLevelObjectError('table.json').message;
    expect(m).toMatch(/orient='records', lines=True/);
    expect(m).toMatch(/jq -c '\.\[\]' table\.json > out\.jsonl/);
  });
});
