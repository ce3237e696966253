// The Settings page's run settings take effect, with real trainer processes: "Concurrent runs" sizes the
// pool (raising it starts a waiting run at once), "Threads per run" and "Execution provider" become the
// defaults of new runs (a run's own config still wins), and 'auto' stays on the CPU where CUDA is absent.
import { describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { Lab } from '../lab';
import { labHomeWithDemos } from '../testing/lab-home';
import { runProvider } from '../runs/runs-port';

type Detail = { id: string; status: string; step: number; device: string; fallbackReason?: string | null; config: { threads?: number; provider?: string } };
const get = async (lab: Lab, id: string): Promise<Detail> => {
  const reply = await lab.dispatch('runs.get', { id });
  if (!reply.ok) throw new Error(JSON.stringify(reply));
  return reply.result as Detail;
};
const until = async (lab: Lab, id: string, ok: (r: Detail) => boolean, ms = 60_000): Promise<Detail> => {
  const end = Date.now() + ms;
  for (;;) {
    const r = await get(lab, id);
    if (ok(r)) return r;
    if (Date.now() > end) throw new Error(`run ${id} stayed ${r.status} at step ${r.step}`);
    await new Promise((res) => setTimeout(res, 100));
  }
};
const start = async (lab: Lab, config: Record<string, unknown>, seeds = 1): Promise<string[]> => {
  const reply = await lab.dispatch('runs.start', { template: 'demo-gated', datasetId: 'synthetic', seeds, config: { batchSize: 64, data: { kind: 'synthetic', samples: 2048 }, ...config } });
  if (!reply.ok) throw new Error(JSON.stringify(reply));
  return (reply.result as { runIds: string[] }).runIds;
};

describe('run settings', () => {
  it("'auto' asks for CUDA only where its provider library is installed", () => {
    expect(runProvider('auto', false)).toBe('cpu');
    expect(runProvider('auto', true)).toBe('auto');
    expect(runProvider('cuda', false)).toBe('cuda'); // an explicit choice is kept: the run records its fallback
    expect(runProvider('cpu', true)).toBe('cpu');
  });

  it('concurrent runs, threads per run and the execution provider apply to the runs the lab starts', async () => {
    const home = await labHomeWithDemos([], 'gatelab-settings-'); // synthetic runs only: no demo to generate
    const lab = await Lab.open({ home, face: 'serve' });
    try {
      expect((await lab.dispatch('settings.set', { concurrentRuns: 1, threads: 2, executionProvider: 'cpu' })).ok).toBe(true);
      const [own] = await start(lab, { epochs: 1, threads: 1 });
      const [fromSettings] = await start(lab, { epochs: 1 });
      expect((await get(lab, own)).config).toMatchObject({ threads: 1, provider: 'cpu' });
      expect((await get(lab, fromSettings)).config).toMatchObject({ threads: 2, provider: 'cpu' });
      await until(lab, fromSettings, (r) => r.status === 'completed');

      expect((await lab.dispatch('settings.set', { threads: 1 })).ok).toBe(true);
      const long = { epochs: 400, earlyStopping: { patience: 0 } }; // trains until cancelled
      const [first, second] = await start(lab, long, 2);
      await until(lab, first, (r) => r.status === 'running' && r.step > 0);
      expect((await get(lab, second)).status).toBe('queued'); // one run at a time
      expect((await lab.dispatch('settings.set', { concurrentRuns: 2 })).ok).toBe(true);
      await until(lab, second, (r) => r.status === 'running' && r.step > 0);
      expect((await get(lab, first)).status).toBe('running');
      for (const id of [first, second]) {
        await lab.dispatch('runs.cancel', { id });
        await until(lab, id, (r) => r.status === 'cancelled');
      }

      // Asked for CUDA where its libraries are missing: the run trains on the CPU and its summary says why.
      const [cuda] = await start(lab, { epochs: 1, provider: 'cuda' });
      const done = await until(lab, cuda, (r) => r.status === 'completed');
      if (done.device === 'cpu') expect(done.fallbackReason).toMatch(/CUDA|cuda/);
      else expect(done.fallbackReason ?? null).toBeNull();
    } finally {
      await lab.close();
      rmSync(home, { recursive: true, force: true });
    }
  }, 120_000);
});
