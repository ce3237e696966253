import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { isStoreError, storeFix, storeProblem } from './store-failure';

describe('a database that refuses a write', () => {
  it("is told apart from the run's own errors by the code better-sqlite3 gives it", () => {
    const dir = mkdtempSync(join(tmpdir(), 'gatelab-storefail-'));
    try {
      const path = join(dir, 'lab.sqlite');
      new Database(path).exec('CREATE TABLE t (x)').close();
      const ro = new Database(path, { readonly: true });
      let refused: unknown;
      try { ro.prepare('INSERT INTO t VALUES (1)').run(); } catch (e) { refused = e; } finally { ro.close(); }
      expect(isStoreError(refused)).toBe(true); // a real refusal: SQLITE_READONLY
      expect(storeFix(refused)).toBe('Make the file and its folder writable again (or, if the drive is mounted read-only, remount it)');
      expect(storeProblem(refused, path)).toBe(`the lab could not write to its database ${path} (attempt to write a readonly database)`);
      expect(isStoreError(new Error('loss became NaN at step 3'))).toBe(false);
      expect(isStoreError(Object.assign(new Error('no space left on device'), { code: 'ENOSPC' }))).toBe(false); // a file write: the checkpoint's own message says it
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('says what to do for each cause', () => {
    const err = (code: string) => Object.assign(new Error(code), { code });
    expect(storeFix(err('SQLITE_FULL'))).toBe('Free disk space on the drive that holds it');
    expect(storeFix(err('SQLITE_BUSY'))).toMatch(/^Close the program that keeps the database locked/);
    expect(storeFix(err('SQLITE_IOERR_WRITE'))).toBe('Check the drive that holds it (full, unplugged or failing)');
    expect(storeFix(err('SQLITE_CORRUPT'))).toBe('Quit GateLab: the next start checks the file and says what to do');
  });
});
