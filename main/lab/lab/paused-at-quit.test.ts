// Graceful quit with a real trainer process: a running run is paused (checkpointed) by quitGracefully,
// the next lab start offers it through runs.pausedAtQuit, and resuming continues from the pause step.
import { describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { Lab } from '../lab';
import { labHomeWithDemos } from '../testing/lab-home';

type Summary = { id: string; status: string; step: number };
const until = async (lab: Lab, id: string, ok: (r: Summary) => boolean, ms = 60_000): Promise<Summary> => {
  const end = Date.now() + ms;
  for (;;) {
    const reply = await lab.dispatch('runs.get', { id });
    if (!reply.ok) throw new Error(JSON.stringify(reply));
    const r = reply.result as Summary;
    if (ok(r)) return r;
    if (Date.now() > end) throw new Error(`run ${id} stayed ${r.status} at step ${r.step}`);
    await new Promise((res) => setTimeout(res, 100));
  }
};

describe('graceful quit', () => {
  it('pauses running runs at quit and offers them on the next start', async () => {
    const home = await labHomeWithDemos([], 'gatelab-quit-'); // synthetic runs only: no demo to generate
    try {
      let lab = await Lab.open({ home, face: 'electron' });
      const started = await lab.dispatch('runs.start', { template: 'demo-gated', datasetId: 'synthetic', seeds: 1, config: { epochs: 400, earlyStopping: { patience: 0 }, batchSize: 64, data: { kind: 'synthetic', samples: 2048 } } });
      expect(started.ok).toBe(true);
      const id = (started as { result: { runIds: string[] } }).result.runIds[0];
      await until(lab, id, (r) => r.status === 'running' && r.step > 0);
      expect(await lab.quitGracefully(20_000)).toEqual([id]);

      lab = await Lab.open({ home, face: 'electron' });
      const paused = await until(lab, id, () => true);
      expect(paused.status).toBe('paused');
      expect(paused.step).toBeGreaterThan(0);
      expect(await lab.dispatch('runs.pausedAtQuit', {})).toEqual({ ok: true, result: { runIds: [id] } });
      expect((await lab.dispatch('runs.resume', { id })).ok).toBe(true);
      // The small demo model may early-stop soon after resuming: 'completed' past the pause step counts too.
      const resumed = await until(lab, id, (r) => (r.status === 'running' || r.status === 'completed') && r.step > paused.step);
      expect(resumed.step).toBeGreaterThan(paused.step);
      // No longer paused: the offer is gone even without clearing it.
      expect(await lab.dispatch('runs.pausedAtQuit', { clear: true })).toEqual({ ok: true, result: { runIds: [] } });
      if (resumed.status === 'running') {
        await lab.dispatch('runs.cancel', { id });
        await until(lab, id, (r) => r.status === 'cancelled' || r.status === 'completed');
      }
      await lab.close();
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  }, 120_000);

  it('pauses only the runs this lab trains: quitting a second lab on the same home leaves the first one\'s run training', async () => {
    const home = await labHomeWithDemos([], 'gatelab-quit-'); // synthetic runs only: no demo to generate
    try {
      const trainer = await Lab.open({ home, face: 'serve' });
      const started = await trainer.dispatch('runs.start', { template: 'demo-gated', datasetId: 'synthetic', seeds: 1, config: { epochs: 400, earlyStopping: { patience: 0 }, batchSize: 64, data: { kind: 'synthetic', samples: 2048 } } });
      const id = (started as { result: { runIds: string[] } }).result.runIds[0];
      await until(trainer, id, (r) => r.status === 'running' && r.step > 0);
      const other = await Lab.open({ home, face: 'serve' }); // e.g. the desktop app, or a second `gatelab serve`
      expect(await other.quitGracefully(5_000)).toEqual([]);
      const still = await until(trainer, id, () => true);
      expect(still.status).toBe('running');
      await trainer.dispatch('runs.cancel', { id });
      await until(trainer, id, (r) => r.status === 'cancelled' || r.status === 'completed');
      await trainer.close();
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  }, 120_000);
});
