// `gatelab knockout RUN --gate/--mode/--expert` asking for a knockout the run does not have is refused
// before the analytics process starts: exit 2 (it was 1, refused inside the job after loading the model),
// naming the run's gates and the knockouts each takes. In-process (testing/gatelab.ts). The run's
// checkpoint is a stand-in (testing/checkpointed-run.ts): a request that reached the job would load it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gatelab } from './testing/gatelab';
import { addCheckpointedRun } from './testing/checkpointed-run';
import { labPaths } from '../lab/home';
import { openLabStore } from '../lab/store/index';
import { defaultModelConfig } from '../../common/models';
import { assertKnockoutRequest, gatesAre } from '../lab/analytics/knockout-request';
import type { GateProbe } from '../../common/analytics';
import { gateNamesFromConfig } from '../../common/analytics/gate-names';

let home: string;
let router: number;
let gated: number;
let demo: number;
let baseline: number;

beforeAll(() => {
  home = mkdtempSync(join(tmpdir(), 'gatelab-knockout-request-'));
  const paths = labPaths(home);
  const store = openLabStore(paths.database);
  try {
    // small models: a router over 4 experts, and a mixer with a sigmoid gate per block
    router = addCheckpointedRun(store, paths, { ...defaultModelConfig('moe-forecaster', {}), lookback: 24, horizon: 4, channels: 2, expertHidden: [8] } as Record<string, unknown> & { template: string });
    gated = addCheckpointedRun(store, paths, { ...defaultModelConfig('tsmixer-gated', {}), lookback: 24, horizon: 4, channels: 2, ffDim: 8 } as Record<string, unknown> & { template: string });
    demo = addCheckpointedRun(store, paths, { template: 'demo-gated', inputs: 8, hidden: 8, experts: 2, expertHidden: 4 });
    baseline = addCheckpointedRun(store, paths, { ...defaultModelConfig('dlinear', {}), lookback: 24, horizon: 4, channels: 2 } as Record<string, unknown> & { template: string });
  } finally {
    store.close();
  }
});
afterAll(() => rmSync(home, { recursive: true, force: true }));

const knockout = (...args: string[]) => gatelab(['knockout', ...args, '--home', home]);

describe('gatelab knockout: what the run has no knockout for is refused before the job (exit 2)', () => {
  it('a gate the run does not have: its gates and their knockouts', async () => {
    expect(await knockout(String(router), '--gate', 'NOSUCH')).toEqual({ code: 2, out: '',
      err: `gatelab knockout: run ${router} has no gate 'NOSUCH'; gates are: router (router: uniform, top1, single 0-3, mean)\n` });
    expect(await knockout(String(gated), '--gate', 'gate', '--mode', 'closed')).toEqual({ code: 2, out: '',
      err: `gatelab knockout: run ${gated} has no gate 'gate'; gates are: block0.gate = block 1 gate (gate: open, closed, mean), block1.gate = block 2 gate (gate: open, closed, mean)\n` });
  });

  it("a mode the gate's kind has no knockout for, --expert without --mode single, an expert the router does not have", async () => {
    expect(await knockout(String(gated), '--gate', 'block1.gate', '--mode', 'uniform')).toMatchObject({ code: 2,
      err: `gatelab knockout: gate 'block1.gate' of run ${gated} is a gate: --mode uniform does not apply to it (its knockouts: open, closed, mean); gates are: block0.gate = block 1 gate (gate: open, closed, mean), block1.gate = block 2 gate (gate: open, closed, mean)\n` });
    expect(await knockout(String(router), '--mode', 'closed')).toMatchObject({ code: 2,
      err: `gatelab knockout: no knockout of run ${router} matches mode 'closed'; gates are: router (router: uniform, top1, single 0-3, mean)\n` });
    expect(await knockout(String(router), '--mode', 'top1', '--expert', '1')).toMatchObject({ code: 2,
      err: `gatelab knockout: --expert goes with --mode single (got --mode top1); gates are: router (router: uniform, top1, single 0-3, mean)\n` });
    expect(await knockout(String(router), '--mode', 'single', '--expert', '7')).toMatchObject({ code: 2,
      err: `gatelab knockout: no knockout of run ${router} matches mode 'single', expert 7; gates are: router (router: uniform, top1, single 0-3, mean)\n` });
  });

  it('a model without a gate the job can knock out', async () => {
    expect(await knockout(String(demo))).toMatchObject({ code: 2, err: expect.stringContaining(`gatelab knockout: run ${demo} has no gate to knock out`) });
  });

  it('a baseline (dlinear, what import suggests for a series): the gated templates of its family to train instead', async () => {
    const said = await knockout(String(baseline), '--gate', 'gate', '--mode', 'closed');
    expect(said).toEqual({ code: 2, out: '', err: `gatelab knockout: run ${baseline} has no gate to knock out: dlinear is a baseline without gates; ` +
      'to see what gates do on this data, train a gated forecasting template instead: tsmixer-gated, patch-transformer-gated, gla, tft-lite or moe-forecaster ' +
      `(e.g. gatelab train --dataset ID --template tsmixer-gated; gatelab templates marks the gated ones)\n` });
  });
});

describe('assertKnockoutRequest: what matches one of the job\'s knockouts passes', () => {
  const gates: GateProbe[] = [{ gate: 'gmu', kind: 'gate', shape: [64] }, { gate: 'router', kind: 'router', shape: [3] }, { gate: 'exit.gate0', kind: 'exit', shape: [] }];
  it('accepts every gate, mode and expert the job would run; lists each gate with its knockouts', () => {
    for (const only of [{}, { gate: 'gmu' }, { mode: 'mean' as const }, { gate: 'router', mode: 'single' as const, expert: 2 }, { expert: 0 }, { gate: 'exit.gate0', mode: 'open' as const }]) {
      expect(() => assertKnockoutRequest(5, gates, only)).not.toThrow();
    }
    expect(gatesAre(gates)).toBe('gates are: gmu (gate: open, closed, mean), router (router: uniform, top1, single 0-2, mean), exit.gate0 (exit: open, closed, mean)');
    expect(() => assertKnockoutRequest(5, gates, { gate: 'gmu', expert: 1 })).toThrow("no knockout of run 5 matches gate 'gmu', expert 1; gates are:");
  });
});

describe('a refusal names the gates as the knockout rows do', () => {
  it("MMoE's task gates: the id --gate takes, then which task's gate it is", () => {
    const gates: GateProbe[] = [{ gate: 'gate.task0', kind: 'router', shape: [4] }, { gate: 'gate.task1', kind: 'router', shape: [4] }];
    const names = gateNamesFromConfig({ model: { template: 'mmoe' } });
    expect(gatesAre(gates, names)).toBe('gates are: gate.task0 = click gate (router: uniform, top1, single 0-3, mean), gate.task1 = rating gate (router: uniform, top1, single 0-3, mean)');
    expect(() => assertKnockoutRequest(17, gates, { gate: 'gate.task0', mode: 'open' }, names)).toThrow('gates are: gate.task0 = click gate (router:');
  });
});
