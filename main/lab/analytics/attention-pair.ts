// The attention sink with and without the output gate (Qiu et al. 2025: gating the SDPA output removes
// the sink) is only visible beside a second run: same dataset, same template, same everything, the
// attention gate switched the other way. This finds that sibling among the lab's runs (the ablation sweep
// makes them), or says exactly how to train one.
import type { AttentionSinkPair, GateReport } from '../../../common/analytics';
import { parseModelConfig } from '../../../common/models';
import { parseRunConfig, type RunConfig } from '../../../common/runs/config';
import type { RunRecord } from '../store/index';
import { shellWord } from '../../../common/text/shell-word';

/** The run config with every default filled in (template defaults too), so omitted and explicit defaults compare equal. */
function normalized(config: unknown): RunConfig {
  const c = parseRunConfig(config);
  let model: Record<string, unknown> = c.model as Record<string, unknown>;
  try {
    model = parseModelConfig(model) as unknown as Record<string, unknown>;
  } catch {
    // a config the template no longer accepts still compares as stored
  }
  return { ...c, name: undefined, model: model as RunConfig['model'] };
}

/** Dotted paths of the model config's gated-attention gates ("attentionGate", "gate"). */
export function attentionGatePaths(model: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(model).flatMap(([k, v]) => {
    if (!v || typeof v !== 'object' || Array.isArray(v)) return [];
    if ((v as { kind?: unknown }).kind === 'gated-attention') return [`${prefix}${k}`];
    return attentionGatePaths(v as Record<string, unknown>, `${prefix}${k}.`);
  });
}

/** Leaf paths where two JSON values differ. */
function differences(a: unknown, b: unknown, path = ''): string[] {
  if (a === b) return [];
  const isObj = (x: unknown) => !!x && typeof x === 'object';
  if (!isObj(a) || !isObj(b) || Array.isArray(a) !== Array.isArray(b)) return JSON.stringify(a) === JSON.stringify(b) ? [] : [path || '(root)'];
  const keys = new Set([...Object.keys(a as object), ...Object.keys(b as object)]);
  return [...keys].flatMap((k) => differences((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], path ? `${path}.${k}` : k));
}

export interface AttentionSibling {
  run: RunRecord;
  /** The one config key that differs, e.g. "model.attentionGate.enabled". */
  differs: string;
}

/**
 * The newest completed run of the same dataset whose config differs from `run`'s only in one
 * gated-attention gate's `enabled` flag (the name of a run does not count).
 */
export function findAttentionSibling(run: RunRecord, candidates: readonly RunRecord[]): AttentionSibling | undefined {
  const mine = normalized(run.config);
  const gates = attentionGatePaths(mine.model as Record<string, unknown>).map((p) => `model.${p}.enabled`);
  if (!gates.length) return undefined;
  const found = candidates
    .filter((c) => c.id !== run.id && c.status === 'completed' && c.datasetId === run.datasetId)
    .flatMap((c) => {
      let theirs: RunConfig;
      try {
        theirs = normalized(c.config);
      } catch {
        return [];
      }
      const diff = differences(mine, theirs);
      return diff.length === 1 && gates.includes(diff[0]) ? [{ run: c, differs: diff[0] }] : [];
    });
  return found.sort((a, b) => b.run.id - a.run.id)[0];
}

/** Leaves of a stored config as `--set path=value` pairs (arrays whole, values JSON). */
function leaves(v: unknown, path: string): [string, string][] {
  if (v && typeof v === 'object' && !Array.isArray(v)) return Object.entries(v).flatMap(([k, x]) => leaves(x, path ? `${path}.${k}` : k));
  return v === undefined ? [] : [[path, typeof v === 'string' ? v : JSON.stringify(v)]];
}

/** The `gatelab train` command that trains the sibling: this run's stored config with the attention gate switched. */
export function siblingHowTo(run: RunRecord): string {
  const c = normalized(run.config);
  const path = attentionGatePaths(c.model as Record<string, unknown>)[0];
  if (!path) return '';
  const on = path.split('.').reduce((o: Record<string, unknown>, k) => o[k] as Record<string, unknown>, c.model as Record<string, unknown>).enabled !== false;
  const key = `model.${path}.enabled`;
  // data.columns: the roles snapshot the lab takes when the sibling is created (a long JSON otherwise)
  const skip = new Set(['name', 'seed', 'model.template', 'data.kind', 'data.datasetId', 'data.columns', key]);
  const sets = leaves(run.config, '').filter(([k]) => !skip.has(k)).map(([k, v]) => `--set ${shellWord(`${k}=${v}`)}`);
  const args = [
    'gatelab train', ...(run.datasetId != null ? [`--dataset ${run.datasetId}`] : []), `--template ${shellWord(String((c.model as { template: string }).template))}`,
    `--seed ${c.seed}`, ...sets, `--set ${key}=${on ? 'false' : 'true'}`,
  ];
  return args.join(' ');
}

/**
 * The report's attention pair: the sibling's first-token share per layer (from its stored gate report, or
 * computed by `siblingReport`), or the command that trains a sibling.
 */
export async function attentionPairFor(run: RunRecord, runs: readonly RunRecord[],
  siblingReport: (runId: number) => Promise<Pick<GateReport, 'attention'>>): Promise<AttentionSinkPair> {
  const found = findAttentionSibling(run, runs);
  if (!found) return { sibling: [], howTo: siblingHowTo(run) };
  try {
    const { attention } = await siblingReport(found.run.id);
    return { siblingRunId: found.run.id, differs: found.differs, sibling: attention };
  } catch (e) {
    // this run's report stands on its own: say why the comparison is missing rather than fail it
    return { siblingRunId: found.run.id, differs: found.differs, sibling: [], note: `the gate report of run ${found.run.id} failed: ${(e as Error).message}` };
  }
}
