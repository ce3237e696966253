// The record handling JSON Lines and JSON arrays share, seen through JSON Lines imports.
import { afterAll, describe, expect, it } from 'vitest';
import { textLoader } from './fixtures/load-text';

const { load, cleanup } = textLoader('gatelab-json-records-');
afterAll(cleanup);

const lines = (rows: object[]) => rows.map((r) => JSON.stringify(r)).join('\n');

describe('JSON Lines records', () => {
  it('a field of objects stays one column (old datasets read the same) with a note naming its keys and how to flatten', async () => {
    const rows = Array.from({ length: 48 }, (_, i) => ({ y: i % 2, ctx: { device: ['ios', 'web'][i % 2], hour: i % 24 } }));
    const { result, col, issues } = await load(lines(rows), {}, 'clicks.jsonl');
    expect(result.columns.map((c) => c.name)).toEqual(['y', 'ctx']);
    expect(col('ctx')[0]).toBe('{"device":"ios","hour":0}');
    expect(issues['note:ctx']).toMatchObject({ severity: 'info', count: 48 });
    expect(issues['note:ctx'].message).toBe("column 'ctx': its values are JSON objects (keys device, hour), kept whole as one column of their JSON text. For a column per key (ctx.device, ctx.hour), flatten the file and import that, e.g. in pandas: pd.json_normalize(pd.read_json(f, lines=True).to_dict('records')).to_csv('flat.csv', index=False)");
  });

  it('lists and scalars get no such note', async () => {
    const { issues } = await load(lines([{ v: [1, 2], t: 'a' }, { v: [3, 4], t: 'b' }]), {}, 'plain.jsonl');
    expect(Object.keys(issues).filter((k) => k.startsWith('note'))).toEqual([]);
  });

  it('a line that is not an object is refused as before (the app rewrites these words)', async () => {
    await expect(load('{"a":1}\n[1,2]\n', {}, 'bad.jsonl')).rejects.toThrow("bad.jsonl, line 2: expected a JSON object ({\"column\": value, ...}). Fix the line, or import with onInvalid 'drop'");
  });
});
