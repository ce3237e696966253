// `gatelab show RUN` (and `runs show`), run as a user runs it (child process, --home): a fusion run's
// modality weights are named by modality as the app names them (not by index), expert loads by expert,
// and a run that resumed past a damaged checkpoint says so. A run another process is training lists its
// curves so far (the lab's metrics writer commits them within its interval), and a held run's note is a note.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { labPaths } from '../lab/home';
import { openLabStore } from '../lab/store/index';
import { recordResumeNote } from '../lab/runs/resume-notes';
import { MetricsWriter } from '../lab/runs/metrics-writer';
import { RunFiles } from '../lab/runs/run-files';
import { LATE_FUSION_WEIGHTS } from '../lab/runs/run-report';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
let home: string;
let fusionRun: number;
let plainRun: number;
let lateRun: number;

const gatelab = (...args: string[]) => {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin/gatelab.js'), ...args, '--home', home], { cwd: ROOT, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};

beforeAll(() => {
  home = mkdtempSync(join(tmpdir(), 'gatelab-cli-show-'));
  const store = openLabStore(labPaths(home).database);
  try {
    fusionRun = store.runs.create({ config: { model: { template: 'moe-fusion', modalities: [{ name: 'sensors', dim: 4 }, { name: 'review', dim: 8 }, { name: 'tabular', dim: 3 }] } } });
    store.metrics.appendGateStats(fusionRun, [
      { step: 10, gate: 'fusion', stat: 'modality_weights', vector: [0.5, 0.25, 0.25] },
      { step: 20, gate: 'fusion', stat: 'modality_weights', vector: [0.125, 0.625, 0.25] },
      { step: 20, gate: 'router', stat: 'load', vector: [0.5, 0.25, 0.25] },
      { step: 20, gate: 'router', stat: 'entropy', value: 0.75 },
    ]);
    lateRun = store.runs.create({ config: { model: { template: 'late-fusion' } } });
    store.metrics.appendGateStats(lateRun, [{ step: 5, gate: 'fusion', stat: 'modality_weights', vector: [0.5, 0.5] }]);
    plainRun = store.runs.create({ config: { model: { template: 'gmu' } } }); // no modality names in its config: numbered as the app numbers them
    store.metrics.appendGateStats(plainRun, [{ step: 5, gate: 'gmu', stat: 'modality_weights', vector: [0.75, 0.25] }]);
    recordResumeNote(store.settings, fusionRun, "checkpoint 'a.ckpt' is damaged: its checksum is wrong; resuming from the previous valid checkpoint b.ckpt (step 64)");
    store.db.prepare(`UPDATE runs SET status = 'completed'`).run();
  } finally {
    store.close();
  }
});
afterAll(() => rmSync(home, { recursive: true, force: true }));

describe('gatelab show', () => {
  it('names modality weights by modality and expert loads by expert (moe-fusion: the expert’s modality)', () => {
    const r = gatelab('show', String(fusionRun));
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/fusion modality weights\s+\[sensors 0\.125, review 0\.625, tabular 0\.250\]  \(step 20\)/);
    expect(r.stdout).toMatch(/router share of tokens by top expert\s+\[expert 0 \(sensors\) 0\.500, expert 1 \(review\) 0\.250, expert 2 \(tabular\) 0\.250\]/);
    expect(r.stdout).toMatch(/router entropy\s+0\.7500  \(step 20\)/);
    expect(r.stdout).toContain("note: resumed past a damaged checkpoint: checkpoint 'a.ckpt' is damaged");
    // runs show is the same command
    expect(gatelab('runs', 'show', String(fusionRun)).stdout).toBe(r.stdout);
  });

  it("says late fusion's weights are no per-sample gate (knockout finds none); a gmu run gets no such line", () => {
    expect(gatelab('show', String(lateRun)).stdout).toContain(`    (${LATE_FUSION_WEIGHTS})`);
    expect(gatelab('show', String(plainRun)).stdout).not.toContain('late fusion');
  });

  it('numbers them "modality i" when the config names none, and --json carries the names', () => {
    expect(gatelab('show', String(plainRun)).stdout).toMatch(/gmu modality weights\s+\[modality 0 0\.750, modality 1 0\.250\]/);
    const json = JSON.parse(gatelab('show', String(fusionRun), '--json').stdout) as { resumeNote: string | null; gates: Array<{ gate: string; stat: string; names: string[] | null; label: string }> };
    expect(json.gates.find((g) => g.stat === 'modality_weights')!.names).toEqual(['sensors', 'review', 'tabular']);
    expect(json.gates.find((g) => g.stat === 'entropy')!.names).toBeNull();
    expect(json.resumeNote).toMatch(/^checkpoint 'a\.ckpt' is damaged/);
  });
});

describe('gatelab show of a run while it trains, and of a held run', () => {
  it('lists the metrics a live lab has received so far (within its writer interval), and says validation has not come yet', async () => {
    const paths = labPaths(home);
    const store = openLabStore(paths.database);
    try {
      const id = store.runs.create({ config: { model: { template: 'tsmixer-gated' } } });
      store.runs.setStatus(id, 'running', { step: 101, totalSteps: 1400 });
      new RunFiles(paths.checkpoints, home).setOwner(id); // this test process plays the lab that trains it
      const writer = new MetricsWriter(store, 100);
      writer.add(id, Array.from({ length: 101 }, (_, i) => ({ step: i + 1, name: 'loss', value: 1 / (i + 1) })));
      await new Promise((r) => setTimeout(r, 300)); // the interval, and slack; nothing flushes it by hand
      const out = gatelab('show', String(id));
      expect(out.stderr).toBe('');
      expect(out.stdout.split('\n')[0]).toMatch(new RegExp(`^run ${id}: running, template tsmixer-gated, .*step 101, 0 full epochs$`));
      expect(out.stdout).toMatch(/\n {4}loss +101 points {2}first 1\.0000 {2}last 0\.0099/);
      expect(out.stdout).toContain('\n  validation: none yet (it runs at the end of each epoch)\n');
      writer.close();
    } finally {
      store.close();
    }
  });

  it("prints a held run's reason as a note, not as 'stopped: held before it started'", () => {
    const store = openLabStore(labPaths(home).database);
    let id: number;
    try {
      id = store.runs.create({ config: { model: { template: 'dlinear' } } });
      store.runs.setStatus(id, 'paused', { stop: { reason: `not started: the gatelab command that queued it was stopped (Ctrl-C) first; resume it: gatelab resume ${id}`, step: 0, epoch: 0, bestStep: null } });
    } finally {
      store.close();
    }
    const out = gatelab('show', String(id));
    expect(out.stdout).toContain(`\n  note: held before it started: the gatelab command that queued it was stopped (Ctrl-C) first; resume it: gatelab resume ${id}\n`);
    expect(out.stdout).not.toContain('stopped:');
  });
});
