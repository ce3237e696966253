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
  it('prints JSON lines only: a refusal before the run exists, and a failure in the trainer without its stack', () => {
    const home = mkdtempSync(join(tmpdir(), 'gatelab-follow-'));
    try {
      const train = (csv: string, ...args: string[]) => spawnSync(process.execPath, [BIN, 'train', '--home', home, '--dataset', csv, '--template', 'dlinear', ...args, '--follow', '--json'], { encoding: 'utf8' });
      const parse = (stdout: string) => stdout.trim().split('\n').map((l) => JSON.parse(l) as { type?: string; status?: string; error?: string; run?: number | null });

      // too short for any window: refused before a run is queued, as one JSON object
      const short = join(home, 'short.csv');
      writeFileSync(short, 'date,a,b\n2020-01-01 00:00,1,2\n2020-01-01 01:00,2,3\n2020-01-01 02:00,3,4\n');
      const refused = train(short);
      expect(refused.status).toBe(2); // the data cannot feed the run: refused, as every refusal
      const [only, ...more] = parse(refused.stdout);
      expect(more).toEqual([]);
      expect(only).toMatchObject({ run: null, status: 'error' });
      expect(only.error).toMatch(/^the training part \(rows 1-2, 2 rows\) is shorter than lookback 336 \+ horizon 96/);

      // an absurd learning rate: the trainer fails the run; its status event carries the message, not the stack
      const series = join(home, 'series.csv');
      writeFileSync(series, ['date,a,b', ...Array.from({ length: 300 }, (_, i) => `2020-01-${String(1 + Math.floor(i / 24)).padStart(2, '0')} ${String(i % 24).padStart(2, '0')}:00,${Math.sin(i / 5)},${Math.cos(i / 7)}`)].join('\n') + '\n');
      const r = train(series, '--set', 'lookback=24', '--set', 'horizon=6', '--set', 'optimizer.kind=sgd', '--set', 'optimizer.lr=1e9', '--set', 'optimizer.momentum=0', '--set', 'schedule.warmupSteps=3', '--set', 'stepsPerCall=1');
      expect(r.status).toBe(1);
      const lines = parse(r.stdout);
      const failed = lines.find((l) => l.type === 'status' && l.status === 'failed')!;
      expect(failed.error).toMatch(/^loss became (NaN|\+Inf|-Inf) at step \d+/);
      expect(failed.error).not.toMatch(/\n--\n|\n {4}at /);
      expect(lines.at(-1)).toMatchObject({ status: 'failed' });
      const show = spawnSync(process.execPath, [BIN, 'show', String(lines.at(-1)!.run), '--home', home, '--json'], { encoding: 'utf8' });
      expect(show.stdout).toContain('loss became');
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  });
});
