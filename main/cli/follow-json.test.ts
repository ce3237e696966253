// `train --follow --json` is for scripts: every stdout line is one JSON object, and a failed run's event
// carries the message a person can act on, not the trainer's stack (that stays in `gatelab show`).
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../../bin/gatelab.js', import.meta.url));

describe('train --follow --json', () => {
  it('prints JSON lines only, and a failure without its stack', () => {
    const home = mkdtempSync(join(tmpdir(), 'gatelab-follow-'));
    try {
      const csv = join(home, 'short.csv');
      writeFileSync(csv, 'date,a,b\n2020-01-01 00:00,1,2\n2020-01-01 01:00,2,3\n2020-01-01 02:00,3,4\n');
      const r = spawnSync(process.execPath, [BIN, 'train', '--home', home, '--dataset', csv, '--template', 'dlinear', '--follow', '--json'], { encoding: 'utf8' });
      expect(r.status).toBe(1);
      const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { type?: string; status?: string; error?: string });
      const failed = lines.find((l) => l.type === 'status' && l.status === 'failed')!;
      expect(failed.error).toMatch(/^the training part \(rows 0\.\.2, 2 rows\) is shorter than lookback 336 \+ horizon 96/);
      expect(failed.error).not.toMatch(/\n--\n|\n {4}at /);
      expect(lines.at(-1)).toMatchObject({ status: 'failed' });
      const show = spawnSync(process.execPath, [BIN, 'show', String((lines.at(-1) as { run: number }).run), '--home', home, '--json'], { encoding: 'utf8' });
      expect(show.stdout).toContain('is shorter than lookback 336');
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  });
});
