// A new user types `gatelab datasets import FILE` or slips on an action: the refusal says what to type
// instead (exit 2), and nothing is opened or created for it: the lab home stays as it was.
import { describe, it, expect, afterAll } from 'vitest';
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { gatelab } from './testing/gatelab';
import { unknownDatasetsAction } from './datasets-action';

const home = join(mkdtempSync(join(tmpdir(), 'gatelab-datasets-action-')), 'lab');
afterAll(() => rmSync(join(home, '..'), { recursive: true, force: true }));

describe('gatelab datasets ACTION', () => {
  it('points `datasets import FILE` at the import command, with the file ready to paste', async () => {
    const r = await gatelab(['datasets', 'import', '/data/my sales.csv', '--home', home]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("gatelab datasets: importing a file is its own command: gatelab import '/data/my sales.csv' [--name NAME]");
    expect(r.out).toBe('');
    expect(existsSync(home)).toBe(false); // refused before the lab was opened
  });

  it('names the action meant for a slip, with or without a dataset id', async () => {
    for (const typed of [['shwo', '3'], ['shwo']]) {
      const r = await gatelab(['datasets', ...typed, '--home', home]);
      expect(r.code).toBe(2);
      expect(r.err).toContain("unknown action 'shwo' (did you mean 'show'?): use list, show, roles, types, rename, split or delete");
      expect(r.err).not.toContain('usage:');
    }
  });

  it('takes every real action and the bare list', () => {
    for (const a of [undefined, 'list', 'show', 'roles', 'types', 'rename', 'split', 'delete']) expect(unknownDatasetsAction(a, '1')).toBeUndefined();
    expect(unknownDatasetsAction('add')).toContain('gatelab import FILE [--name NAME]');
    expect(unknownDatasetsAction('frobnicate')).toBe("unknown action 'frobnicate': use list, show, roles, types, rename, split or delete");
  });
});
