// `gatelab serve --data-dir`: the flag repeated and the older DIR:DIR list both name folders; a folder
// that is not there stops serve before anything starts, naming it.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from './args';
import { dataDirArgs } from './serve';

const BIN = fileURLToPath(new URL('../../bin/gatelab.js', import.meta.url));

describe('gatelab serve --data-dir', () => {
  it('takes the flag repeated, a list in one value, and both mixed, in order', () => {
    expect(dataDirArgs(parseArgs(['--data-dir', '/a', '--data-dir', '/b']))).toEqual(['/a', '/b']);
    expect(dataDirArgs(parseArgs([`--data-dir=/a${delimiter}/b`]))).toEqual(['/a', '/b']);
    expect(dataDirArgs(parseArgs(['--data-dir', `/a${delimiter}${delimiter}/b`, '--port', '0', '--data-dir=/c']))).toEqual(['/a', '/b', '/c']);
    expect(dataDirArgs(parseArgs(['--port', '0']))).toEqual([]);
  });

  it('a --data-dir without a folder is an error, not a silently dropped flag', () => {
    expect(() => dataDirArgs(parseArgs(['--data-dir', '/a', '--data-dir']))).toThrow('--data-dir needs a value');
  });

  // the missing folder first: keeping only the last value (the old parser) would have started serve on 'present'
  it('refuses to start when any of the repeated folders is missing, naming it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gatelab-datadirs-'));
    try {
      mkdirSync(join(dir, 'present'));
      const r = spawnSync(process.execPath, [BIN, 'serve', '--home', join(dir, 'home'), '--data-dir', join(dir, 'missing'), '--data-dir', join(dir, 'present')], { encoding: 'utf8', timeout: 60_000 });
      expect(r.status).toBe(2);
      expect(r.stdout).toBe(''); // no URL: nothing was started
      expect(r.stderr).toContain(`gatelab serve: --data-dir ${join(dir, 'missing')}: no such folder`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
