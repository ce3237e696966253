// `gatelab datasets split ID --kind K [--name N] [--seed S] [--ratios 0.8,0.1,0.1] [--column C]
//   [--user C --time C] [--train FILE --test FILE [--val FILE] [--keys c1,c2] [--val-fraction 0.1]]`
// Computes a split with the protocol of its family and stores it (reproducible: seeded).
// `gatelab datasets split ID --delete NAME` deletes a stored split, refused while a run names its id; so is
// replacing it with `--name NAME`.
import { Refusal } from '../lab/runs/refusal';
import { stringOption, type CliArgs } from './args';
import type { LabDatasets } from '../lab/datasets/index';
import { createSplit } from '../lab/datasets/index';
import type { SplitSpecInput } from '../../common/data/split-spec';
import { SplitInUseError } from '../lab/store/splits';
import { shellWord } from '../../common/text/shell-word';

const KINDS = ['ett', 'chronological', 'random', 'stratified', 'leave-last-out', 'given'] as const;

function ratios(args: CliArgs) {
  const text = stringOption(args, 'ratios');
  if (!text) return undefined;
  const parts = text.split(',').map(Number);
  if (parts.length !== 3 || parts.some((p) => !Number.isFinite(p) || p < 0)) throw new Error(`--ratios takes three numbers train,val,test (got '${text}')`);
  const sum = parts[0] + parts[1] + parts[2];
  return { train: parts[0] / sum, val: parts[1] / sum, test: parts[2] / sum };
}

function need(args: CliArgs, key: string, kind: string): string {
  const v = stringOption(args, key);
  if (!v) throw new Error(`a ${kind} split needs --${key}`);
  return v;
}

export function splitSpecFromArgs(args: CliArgs): SplitSpecInput {
  const kind = stringOption(args, 'kind') ?? 'random';
  const seedText = stringOption(args, 'seed');
  const seed = seedText === undefined ? undefined : Number(seedText);
  if (seed !== undefined && !Number.isInteger(seed)) throw new Error(`--seed must be an integer (got '${seedText}')`);
  const r = ratios(args);
  switch (kind) {
    case 'ett': {
      const text = stringOption(args, 'rows-per-hour');
      if (text === undefined) return { kind }; // the lab reads it from the dataset's time column
      const rowsPerHour = Number(text);
      if (!(rowsPerHour > 0)) throw new Error(`--rows-per-hour must be a positive number (got '${text}'); 4 for 15-minute data, 1/24 is written 0.041667`);
      return { kind, rowsPerHour };
    }
    case 'chronological': return r ? { kind, ratios: r } : { kind };
    case 'random': return { kind, ratios: r ?? { train: 0.8, val: 0.1, test: 0.1 }, seed };
    case 'stratified': return { kind, ratios: r ?? { train: 0.8, val: 0.1, test: 0.1 }, column: need(args, 'column', kind), seed };
    case 'leave-last-out': return { kind, userColumn: need(args, 'user', kind), timeColumn: need(args, 'time', kind) };
    case 'given': {
      const val = stringOption(args, 'val');
      const keys = stringOption(args, 'keys');
      const fraction = stringOption(args, 'val-fraction');
      return {
        kind,
        files: { train: need(args, 'train', kind), test: need(args, 'test', kind), ...(val ? { val } : {}) },
        ...(keys ? { keyColumns: keys.split(',') } : {}),
        ...(fraction !== undefined ? { validationFraction: Number(fraction) } : {}),
        seed,
      };
    }
    default:
      throw new Error(`--kind must be one of ${KINDS.join(', ')} (got '${kind}')`);
  }
}

function uniqueName(base: string, taken: readonly string[]): string {
  if (!taken.includes(base)) return base;
  for (let i = 2; ; i++) if (!taken.includes(`${base}-${i}`)) return `${base}-${i}`;
}

/** `--delete NAME` (or its id): same rule as the app's Delete, a split a run names stays (refused: exit 2, naming the runs). */
function deleteSplit(lab: LabDatasets, ref: string, which: string, json: boolean): number {
  const dataset = lab.registry.resolve(ref);
  const splits = lab.store.splits.list(dataset.id);
  const split = splits.find((s) => s.name === which) ?? splits.find((s) => String(s.id) === which);
  if (!split) throw new Error(`dataset ${dataset.id} '${dataset.name}' has no split named '${which}'; its splits: ${splits.map((s) => `${s.name} (id ${s.id})`).join(', ') || 'none'} (gatelab datasets show ${dataset.id})`);
  try {
    lab.store.splits.delete(split.id);
  } catch (e) {
    if (!(e instanceof SplitInUseError)) throw e;
    // said by `gatelab datasets` as its other refusals are (exit 2; with --json its JSON line too)
    throw new Refusal(`${e.message} (gatelab delete RUN removes a run)`, { cause: e });
  }
  console.log(json ? JSON.stringify({ dataset: dataset.id, deleted: { id: split.id, name: split.name } }) : `Deleted split '${split.name}' (id ${split.id}) of dataset ${dataset.id} '${dataset.name}'`);
  return 0;
}

/**
 * Why `--name NAME` may not replace a split runs train on, and the two ways out: another name, or the
 * runs deleted first (then the split can be deleted, or replaced).
 */
function inUseMessage(datasetId: number, split: { id: number; name: string }, runs: number[], free: string): string {
  const one = runs.length === 1;
  const shown = `${runs.slice(0, 8).join(', ')}${runs.length > 8 ? ', …' : ''}`;
  return `split '${split.name}' (id ${split.id}) is used by ${one ? 'run' : `${runs.length} runs:`} ${shown}; replacing it would cut ${one ? 'that run' : 'them'} off from its rows (resume, Try it, analytics and export read them). ` +
    `Give the new split another name (--name ${shellWord(free)}), or delete ${one ? 'that run' : 'those runs'} first (gatelab delete ${runs[0]}) and then the split (gatelab datasets split ${datasetId} --delete ${shellWord(split.name)})`;
}

export async function splitCommand(lab: LabDatasets, ref: string, args: CliArgs, json: boolean): Promise<number> {
  const doomed = stringOption(args, 'delete');
  if (doomed !== undefined) return deleteSplit(lab, ref, doomed, json);
  const spec = splitSpecFromArgs(args);
  const datasetId = lab.registry.resolve(ref).id;
  const existing = lab.store.splits.list(datasetId);
  // Without --name a split gets a new name (its kind, then kind-2, ...): a second split must not
  // silently replace the first, which runs may name by id. --name of an existing split replaces it, said
  // so, unless runs name it: as in the app, they would lose their rows (refused: exit 2, naming them).
  const given = stringOption(args, 'name');
  const name = given ?? uniqueName(String(spec.kind), existing.map((s) => s.name));
  const replaced = existing.find((s) => s.name === name);
  const users = replaced ? lab.store.splits.runsNaming(replaced.id) : [];
  if (replaced && users.length) throw new Refusal(inUseMessage(datasetId, replaced, users, uniqueName(name, existing.map((s) => s.name))));
  const split = await createSplit(lab.registry, datasetId, name, spec);
  if (json) console.log(JSON.stringify(split));
  else {
    if (replaced) console.log(`(replaces split '${name}', id ${replaced.id}, which no run trains on)`);
    const c = split.counts;
    console.log(`Split '${split.name}' (id ${split.id}) of dataset ${split.datasetId}: ${c.train.toLocaleString('en-US')} train / ${c.val.toLocaleString('en-US')} val / ${c.test.toLocaleString('en-US')} test`);
    console.log(`  spec: ${JSON.stringify(split.spec)}`);
    // runs use the family's default split unless they name this one: say how, or it looks applied already
    console.log(`  train on it: gatelab train --dataset ${split.datasetId} --template T --set data.splitId=${split.id}`);
  }
  return 0;
}
