// Which JSON a file is, from its first bytes and name: the choice detectFormat makes before any reader runs.
import { describe, expect, it } from 'vitest';
import { sniffJson } from './json-sniff';
import { detectFormat } from './run';

const b = (s: string) => Buffer.from(s);

describe('sniffJson', () => {
  it("an array of objects is 'json' by content, with or without a .json name (a BOM and leading space allowed)", () => {
    expect(sniffJson(b('[{"a":1},{"a":2}]'), false, true)).toBe('json');
    expect(sniffJson(b('\uFEFF\n[\n  {\n    "a": 1\n  }\n]'), false, true)).toBe('json');
    expect(sniffJson(b('[]'), false, true)).toBe('json');
  });

  it("a '[' that does not open objects is CSV unless the name says JSON (then the reader refuses it, saying why)", () => {
    expect(sniffJson(b('[a],[b]\n1,2\n'), false, true)).toBeNull();
    expect(sniffJson(b('[1,2,3]'), false, true)).toBeNull();
    expect(sniffJson(b('[1,2,3]'), true, true)).toBe('json');
  });

  it("JSON Lines stays 'jsonl', also in a .json file", () => {
    expect(sniffJson(b('{"a":1}\n{"a":2}\n'), false, true)).toBe('jsonl');
    expect(sniffJson(b('{"a":1}\n{"a":2}\n'), true, true)).toBe('jsonl');
    // one record with a nested field is still a record
    expect(sniffJson(b('{"a":1,"ctx":{"d":"ios"}}\n'), true, true)).toBe('jsonl');
  });

  it("one object of objects/arrays alone in the file (pandas orient='columns'/'split') goes to the array reader, which refuses it", () => {
    expect(sniffJson(b('{"a":{"0":1},"b":{"0":2}}'), false, true)).toBe('json');
    expect(sniffJson(b('{"columns":["a"],"data":[[1]]}\n'), true, true)).toBe('json');
    // the head is not the whole file: it may be the first of many JSON Lines records
    expect(sniffJson(b('{"a":{"0":1},"b":{"0":2}}'), false, false)).toBe('jsonl');
  });

  it("a .json file starting with '{' whose first line is not a whole object is 'json' (runImport reads on to decide)", () => {
    expect(sniffJson(b('{\n  "a": {"0": 1}\n}'), true, true)).toBe('json');
    expect(sniffJson(b('{\n  "a": 1\n}'), false, true)).toBeNull(); // unnamed: judged by its first line, as before
  });
});

describe('detectFormat', () => {
  it('.json by content; magic bytes and other names as before', () => {
    expect(detectFormat('x.json', b('[{"a":1}]'), 9)).toBe('json');
    expect(detectFormat('x.json', b('{"a":1}\n{"a":2}\n'), 16)).toBe('jsonl');
    expect(detectFormat('export', b('[\n {"a":1}\n]'), 12)).toBe('json');
    expect(detectFormat('x.csv', b('[{"a":1}]'), 9)).toBe('csv');
    expect(detectFormat('x.jsonl', b('{"a":1}\n'), 8)).toBe('jsonl');
    expect(detectFormat('notes', b('a,b\n1,2\n'), 8)).toBe('csv');
  });
});
