// Robustness: every file of a generated corpus of >= 500 malformed files either imports into a
// consistent cache or fails with an ImportError naming the file and a specific code — never another
// exception, never a hang. (In-process through runImport, the function the worker runs; the worker path
// itself is exercised with a handful of these in main/lab/import/index.test.ts.)
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatasetCache } from '../../main/lab/import/cache-io';
import { ImportError, bytesPerElement, type InvalidPolicy } from '../../common/dataset-cache';
import { malformedCorpus } from './fixtures/corpus';
import { runImport } from './run';

const tmp = mkdtempSync(join(tmpdir(), 'gatelab-corpus-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const EXPECTED_CODES = new Set(['empty_file', 'no_rows', 'ragged_row', 'unclosed_quote', 'unparsable', 'bad_encoding', 'binary_file', 'bad_format', 'too_many_columns', 'row_too_large']);

describe('malformed corpus', () => {
  const corpus = malformedCorpus(1);

  it('has at least 500 files of every kind the issue names', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(500);
    for (const k of ['truncated', 'ragged', 'garbage', 'mixed-encoding', 'empty', 'header-only', 'wide', 'nan-inf', 'huge', 'bom', 'mutated']) {
      expect(corpus.some((f) => f.kind === k), k).toBe(true);
    }
  });

  it('each file imports consistently or fails with a specific ImportError, quickly', async () => {
    const outcomes = new Map<string, number>();
    let i = 0;
    for (const f of corpus) {
      const src = join(tmp, f.name);
      writeFileSync(src, f.data);
      const policies: InvalidPolicy[] = i++ % 3 === 0 ? ['reject', 'drop', 'impute'] : ['reject'];
      for (const policy of policies) {
        const dir = join(tmp, `${f.name}.${policy}.out`);
        const started = Date.now();
        let key: string;
        try {
          const r = await runImport(src, dir, { onInvalid: policy });
          const cache = openDatasetCache(dir);
          expect(cache.rows, f.name).toBe(r.rows);
          expect(r.validation.rowsKept + r.validation.rowsDropped, f.name).toBe(r.validation.rowsRead);
          for (const c of cache.columns) {
            expect(statSync(join(dir, c.info.file)).size, `${f.name} ${c.info.name}`).toBe(r.rows * c.info.dim * bytesPerElement(c.info.dtype));
          }
          key = `${f.kind}:ok`;
        } catch (e) {
          if (!(e instanceof ImportError)) throw new Error(`${f.name} (${policy}): not an ImportError: ${(e as Error).stack}`);
          expect(EXPECTED_CODES.has(e.code), `${f.name}: code ${e.code}: ${e.message}`).toBe(true);
          expect(e.message, f.name).toContain(f.name);
          key = `${f.kind}:${e.code}`;
        }
        // a guard against a hang or a runaway pattern, not a speed goal (bench:import measures speed): loose enough for a loaded machine
        expect(Date.now() - started, `${f.name} took too long`).toBeLessThan(60_000);
        if (policy === 'reject') outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
        rmSync(dir, { recursive: true, force: true });
      }
    }
    // the corpus must exercise both outcomes for the classic CSV faults (counted under 'reject')
    expect(outcomes.get('ragged:ragged_row')).toBeGreaterThan(0);
    expect(outcomes.get('ragged:ok')).toBeGreaterThan(0);
    expect(outcomes.get('unclosed-quote:unclosed_quote')).toBe(20);
    expect(outcomes.get('empty:empty_file')).toBe(1);
    expect(outcomes.get('header-only:no_rows')).toBeGreaterThan(0);
    expect(outcomes.get('wide:too_many_columns')).toBeGreaterThan(0);
    expect(outcomes.get('wide:ok')).toBeGreaterThan(0);
    expect(outcomes.get('garbage:binary_file')).toBeGreaterThan(0);
    expect(outcomes.get('nan-inf:ok')).toBeGreaterThan(0);
    expect(readdirSync(tmp).filter((n) => n.endsWith('.out'))).toEqual([]);
  });
});
