// Which knockouts a run offers (analytics.knockoutChoices, Try it's What if list) is the rule `gatelab
// knockout --gate --mode --expert` checks: a MoE-fusion run (a router over the demo's three modalities),
// trained by the run manager and never knocked out, offers exactly the requests `--rows` accepts, and the
// analytics job evaluates one of them. A baseline and an ablated run offer none and say why in the words
// `gatelab knockout` refuses them with.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { labPaths } from '../home';
import { openLabDatasets, ensureDemoDatasets, type LabDatasets } from '../datasets/index';
import { demoFusion } from '../datasets/demo-data';
import { RunManager } from '../runs/run-manager';
import { datasetResolver } from '../runs/dataset-runs';
import { LabAnalytics } from '../lab/analytics';
import { gatelab } from '../../cli/testing/gatelab';
import { KNOCKOUT_MODES, type KnockoutMode } from '../../../common/analytics';
import { assertOneKnockout } from './knockout-request';
import { runGates } from './run-target';
import { saveKnockouts } from './results';
import { RunFiles } from '../runs/run-files';

let home: string, lab: LabDatasets, manager: RunManager, app: LabAnalytics, gated: number, baseline: number;

beforeAll(async () => {
  home = mkdtempSync(join(tmpdir(), 'gatelab-knockout-choices-'));
  const paths = labPaths(home);
  lab = await openLabDatasets(paths, { demos: false });
  const [dataset] = await ensureDemoDatasets(lab.registry, [demoFusion]);
  manager = new RunManager({ store: lab.store, paths, poolSize: 1, resolveDataset: datasetResolver(lab.registry) });
  const train = (model: Record<string, unknown>) => manager.create({
    model: model as never, data: { kind: 'dataset', datasetId: dataset.id }, epochs: 1, maxSteps: 10, batchSize: 256, optimizer: { lr: 0.01 },
  });
  gated = train({ template: 'moe-fusion', expertHidden: [8] });
  baseline = train({ template: 'concat-fusion', hidden: [8] });
  for (const id of [gated, baseline]) {
    const run = await manager.waitFor(id);
    expect(run.status, run.error ?? '').toBe('completed');
  }
  app = new LabAnalytics(lab.store, paths, datasetResolver(lab.registry));
}, 180_000);

afterAll(async () => {
  app?.close();
  await manager?.close();
  lab?.close();
  rmSync(home, { recursive: true, force: true });
});

const key = (k: { gate: string; mode: string; expert?: number }) => `${k.gate} ${k.mode}${k.expert !== undefined ? ` ${k.expert}` : ''}`;

describe("a run's knockout choices", () => {
  it('a gated run without a knockout table offers every knockout its router allows, in the table order', () => {
    expect(app.knockouts(String(gated)).table).toBeNull();
    const { choices, none } = app.knockoutChoices(String(gated));
    expect(none).toBeNull();
    expect(choices.map(key)).toEqual(['router uniform', 'router top1', 'router single 0', 'router single 1', 'router single 2', 'router mean']);
    expect(choices.every((c) => c.kind === 'router')).toBe(true);
  });

  it('are exactly the knockouts `gatelab knockout --rows` accepts, and the job evaluates one', async () => {
    const offered = new Set(app.knockoutChoices(String(gated)).choices.map(key));
    const run = lab.store.runs.get(gated)!;
    const gates = runGates(run.config)!;
    // every gate (and one the run lacks) × every mode × no expert or experts 0..4: accepted iff offered
    const accepted: string[] = [];
    for (const gate of [...gates.map((g) => g.gate), 'gmu.z0']) {
      for (const mode of KNOCKOUT_MODES as readonly KnockoutMode[]) {
        for (const expert of [undefined, 0, 1, 2, 3, 4]) {
          try { assertOneKnockout(gated, gates, { gate, mode, expert }); accepted.push(key({ gate, mode, expert })); } catch { /* refused */ }
        }
      }
    }
    expect(new Set(accepted)).toEqual(offered);
    // an offered one, evaluated by the analytics job (its own rule, on the trained graph's gates)
    const picked = await gatelab(['knockout', String(gated), '--gate', 'router', '--mode', 'single', '--expert', '2', '--rows', '0-1', '--json', '--home', home]);
    expect(picked.code, picked.err).toBe(0);
    expect(JSON.parse(picked.out)).toMatchObject({ runId: gated, knockout: { gate: 'router', kind: 'router', mode: 'single', expert: 2 }, rows: [{ row: 0 }, { row: 1 }] });
    const beyond = await gatelab(['knockout', String(gated), '--gate', 'router', '--mode', 'single', '--expert', '3', '--rows', '0', '--home', home]);
    expect(offered.has('router single 3')).toBe(false);
    expect(beyond.code).toBe(2);
  }, 60_000);

  it('a baseline offers none and says why, as `gatelab knockout` refuses it', async () => {
    const { choices, none } = app.knockoutChoices(String(baseline));
    expect(choices).toEqual([]);
    const cli = await gatelab(['knockout', String(baseline), '--home', home]);
    expect(cli.code).toBe(2);
    expect(none).toMatch(new RegExp(`^run ${baseline} has no gate to knock out: concat-fusion is a baseline without gates`));
    expect(`gatelab knockout: ${none}\n`).toBe(cli.err);
  }, 60_000);

  it('a run whose gates were switched off offers none and says it is an ablation, as `gatelab knockout` refuses it', async () => {
    const config = lab.store.runs.get(gated)!.config as { model: Record<string, unknown> };
    const ablated = lab.store.runs.create({ config: { ...config, model: { ...config.model, router: { ...(config.model.router as object), enabled: false } } }, seed: 1 });
    const { choices, none } = app.knockoutChoices(String(ablated));
    expect(choices).toEqual([]);
    expect(none).toMatch(new RegExp(`^run ${ablated}: this run's gates were off \\(an ablation\\)`));
    const cli = await gatelab(['knockout', String(ablated), '--home', home]);
    expect(cli.err).toBe(`gatelab knockout: ${none}\n`);
  }, 60_000);

  it("a run whose model no longer builds offers its stored table's knockouts, or says it has none to offer", () => {
    const unbuildable = lab.store.runs.create({ config: { epochs: 1, model: { template: 'no-such-template' }, data: { kind: 'synthetic', samples: 64 } }, seed: 1 });
    expect(app.knockoutChoices(String(unbuildable))).toEqual({ id: String(unbuildable), choices: [],
      none: `the lab could not rebuild run ${unbuildable}'s model from its stored config to list its gates, and the run has no knockout table to offer instead` });
    const row = { gate: 'router', kind: 'router' as const, mode: 'single' as const, expert: 1, value: 0.7, delta: -0.1, ci: { low: -0.2, high: 0, level: 0.95 } };
    saveKnockouts(new RunFiles(labPaths(home).checkpoints, home), unbuildable, { runId: unbuildable, split: 'test', metric: 'auc', higherIsBetter: true, baseline: 0.8, samples: 10, resamples: 10, seed: 0, rows: [row] });
    expect(app.knockoutChoices(String(unbuildable))).toEqual({ id: String(unbuildable), choices: [{ gate: 'router', kind: 'router', mode: 'single', expert: 1 }], none: null });
  });
});
