// A path import in serve mode reads only files under the --data-dir folders, links followed. A link inside
// a data folder that leads out is refused in words about the link (the path itself is under the folder,
// so "only files under DIR" would read as wrong), and says what to do: copy the file in, or upload it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkPathImport, resolveDataDirs } from './data-dirs';

let dir: string, dd: string, dirs: string[];
beforeAll(() => {
  dir = realpathSync(mkdtempSync(join(tmpdir(), 'gatelab-data-dirs-')));
  dd = join(dir, 'dd');
  mkdirSync(join(dd, 'sub'), { recursive: true });
  mkdirSync(join(dir, 'elsewhere'));
  writeFileSync(join(dd, 'inside.csv'), 'x\n1\n');
  writeFileSync(join(dir, 'elsewhere', 'secret.csv'), 'password\n');
  symlinkSync(join(dir, 'elsewhere', 'secret.csv'), join(dd, 'link.csv'));
  symlinkSync(join(dir, 'elsewhere'), join(dd, 'sub', 'out'));
  symlinkSync(join(dd, 'inside.csv'), join(dir, 'elsewhere', 'back.csv'));
  dirs = resolveDataDirs([dd]);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const refusal = (path: string): { code: string; message: string } => {
  try {
    checkPathImport(path, dirs);
  } catch (e) {
    return { code: (e as { code: string }).code, message: (e as Error).message };
  }
  throw new Error(`${path} was allowed`);
};

describe('path imports under --data-dir', () => {
  it('allows a file under a data folder, and a link from outside that leads into one', () => {
    expect(() => checkPathImport(join(dd, 'inside.csv'), dirs)).not.toThrow();
    expect(() => checkPathImport(join(dir, 'elsewhere', 'back.csv'), dirs)).not.toThrow();
  });

  it('a file link in a data folder that leads out: says it is a link to a file outside, and to copy the file in', () => {
    const path = join(dd, 'link.csv');
    expect(refusal(path)).toEqual({
      code: 'not-available',
      message: `'${path}' is a link to a file outside the --data-dir folders (links are followed, so a data folder cannot expose other files; where it leads is not shown to the browser): copy the file into one of them (${dd}), or drop it into the browser window to upload it`,
    });
  });

  it('a linked folder in a data folder that leads out: says so for any file reached through it', () => {
    const path = join(dd, 'sub', 'out', 'secret.csv');
    expect(refusal(path).message).toMatch(new RegExp(`^'${path}' is reached through a linked folder that leads outside the --data-dir folders \\(links are followed.*copy the file into one of them`));
  });

  it('a path outside every data folder keeps the plain refusal', () => {
    const path = join(dir, 'elsewhere', 'secret.csv');
    expect(refusal(path).message).toBe(`'${path}' cannot be imported by path in serve mode: only files under ${dd} (the --data-dir folders) can be imported by path. Drop the file into the browser window to upload it, or restart gatelab serve with --data-dir <its folder>`);
  });
});
