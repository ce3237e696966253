// One declared experiment -> a group of concrete runs: N seeds, a grid or random sweep over any config
// key (dotted paths: "optimizer.lr", "model.gate.kind", "model.router.k"), and the "ablate gate G"
// helper (on/off/kind variants). Pure: the run manager queues what this returns under one group id.
// Each run is named by the experiment's name and what sets its point apart from the others, worded as a
// `--set` run's name says its changes (change-words.ts): "dlinear sweep · lr=0.01 · lookback=192 seed=2".
// The config's keys and the sweep's are read as `--set` reads its keys (config-keys.ts): `lr`,
// `batch_size`, `weight-decay`, `lookback` (a model field) land where the run config has them.
import { z } from 'zod';
import { splitmix32 } from './random';
import { setFields, spelledConfig } from './config-keys';
import { changeWords, valueWord } from './change-words';

export { setPath } from './config-keys';

export const SweepSpec = z.object({
  kind: z.enum(['grid', 'random']).default('grid'),
  /**
   * Dotted config path -> the values to try, a path spelt as `--set` takes it (`lr`, `batch_size`, `router.k`).
   * Random sweeps draw `samples` combinations from these.
   */
  params: z.record(z.string().min(1), z.array(z.unknown()).min(1)),
  samples: z.number().int().min(1).max(10_000).default(8),
  /** Seed of the random draw (not of the runs). */
  seed: z.number().int().default(0),
});
export type SweepSpec = z.infer<typeof SweepSpec>;

/** What `gatelab sweep FILE` reads and the UI's "start N runs" sends. */
export const ExperimentSpec = z.object({
  name: z.string().max(200).optional(),
  /** The base run config (common/runs/config RunConfig input). */
  config: z.record(z.string(), z.unknown()).default({}),
  /** Repeats with seeds base, base+1, ... (base: config.seed or 1). */
  seeds: z.number().int().min(1).max(64).default(1),
  sweep: SweepSpec.optional(),
  priority: z.number().int().min(-1000).max(1000).default(0),
});
export type ExperimentSpec = z.input<typeof ExperimentSpec>;

export interface ExpandedRun {
  name: string;
  seed: number;
  /** The sweep point this run belongs to (its key as the file spells it -> value); {} without a sweep. */
  point: Record<string, unknown>;
  config: Record<string, unknown>;
}

/** Every combination of the grid, in a stable order (the last key varies fastest). */
export function gridPoints(params: Record<string, unknown[]>): Record<string, unknown>[] {
  let points: Record<string, unknown>[] = [{}];
  for (const [key, values] of Object.entries(params)) points = points.flatMap((p) => values.map((v) => ({ ...p, [key]: v })));
  return points;
}

/** `samples` distinct combinations drawn without replacement from the grid (all of it when smaller). */
export function randomPoints(params: Record<string, unknown[]>, samples: number, seed: number): Record<string, unknown>[] {
  const all = gridPoints(params);
  const next = splitmix32(seed);
  for (let i = all.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [all[i], all[j]] = [all[j], all[i]];
  }
  return all.slice(0, Math.min(samples, all.length));
}

/**
 * The keys whose value is not the same at every point: what a run's name says to set it apart from the
 * others of its sweep (a key with one value is the same for all of them, and would take one of the name's
 * few words from one that tells the runs apart).
 */
function differingKeys(points: Record<string, unknown>[]): string[] {
  const keys = [...new Set(points.flatMap((p) => Object.keys(p)))];
  return keys.filter((k) => new Set(points.map((p) => JSON.stringify(p[k]))).size > 1);
}

/** A point's words for its runs' names ("lr=0.01 · lookback=192"), as a --set run's name says its changes. */
const pointWords = (point: Record<string, unknown>, differing: string[]) =>
  changeWords(differing.filter((k) => k in point).map((k) => [k, valueWord(point[k])]));

/** Expands seeds × sweep points into concrete run configs (sweep point major, seed minor). */
export function expandExperiment(input: ExperimentSpec): ExpandedRun[] {
  const spec = ExperimentSpec.parse(input);
  const base = spelledConfig(spec.config);
  const baseSeed = typeof base.seed === 'number' ? base.seed : 1;
  const points = !spec.sweep ? [{}]
    : spec.sweep.kind === 'grid' ? gridPoints(spec.sweep.params) : randomPoints(spec.sweep.params, spec.sweep.samples, spec.sweep.seed);
  const name = spec.name ?? (typeof base.name === 'string' ? base.name : 'run');
  const differing = differingKeys(points);
  const runs: ExpandedRun[] = [];
  for (const point of points) {
    // per value, as `--set optimizer=sgd` (the kind) and `--set optimizer={...}` (the section) differ
    const config = setFields(base, Object.entries(point));
    const words = pointWords(point, differing);
    for (let s = 0; s < spec.seeds; s++) {
      const seed = baseSeed + s;
      // "dlinear on grid load · lr=0.01 · lookback=192 seed=2": the seed last, apart, as run labels drop it (run-label.ts)
      const runName = [[name, words].filter(Boolean).join(' · '), spec.seeds > 1 ? `seed=${seed}` : ''].filter(Boolean).join(' ');
      runs.push({ name: runName, seed, point, config: { ...config, seed, name: runName } });
    }
  }
  return runs;
}

/**
 * "Ablate gate G": the same model with the gate field `gate` switched off (`enabled: false`, the gate
 * configs' common switch), and with each of `kinds`
 * instead of its current kind, each repeated over the experiment's seeds. The original is included.
 */
export function ablateGate(input: ExperimentSpec, gate: string, kinds: string[] = []): ExpandedRun[] {
  const spec = ExperimentSpec.parse(input);
  const model = (spelledConfig(spec.config).model ?? {}) as Record<string, unknown>;
  // A gate left out of the config takes the template's defaults: the variants then override just these fields.
  const current = (model[gate] ?? {}) as Record<string, unknown>;
  const off = { ...current, enabled: false };
  const variants: unknown[] = [current, off, ...kinds.map((kind) => ({ ...current, enabled: true, kind }))];
  return expandExperiment({ ...input, sweep: { kind: 'grid', params: { [`model.${gate}`]: variants } } }).map((r, i) => {
    const v = variants[Math.floor(i / spec.seeds)];
    const what = v === current ? 'as configured' : v === off ? 'off' : `kind=${(v as { kind: string }).kind}`;
    return { ...r, name: `${spec.name ?? 'ablate'} ${gate} ${what}${spec.seeds > 1 ? ` seed=${r.seed}` : ''}` };
  });
}
