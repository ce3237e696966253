// `gatelab datasets [--json]` lists the lab's datasets (installing the demo datasets on first start);
//   datasets show ID [--json]                        schema, validation, splits
//   datasets roles ID col=role[:modality] ...          set column roles (target, time, categorical...)
//     [--positive-at-least N]                          and the target's label rule (datasets-label-rule.ts)
//   datasets split ID --kind K [--name N] ...          compute and store a split (see datasets-split.ts)
//   datasets split ID --delete NAME                    delete a stored split no run names
//   datasets delete ID [--yes]                         remove the dataset and its files (--yes when runs used it)
//   datasets types ID col=type ... [--on-invalid P]    read columns as other types (col=inferred: back); re-parses the file
//   datasets rename ID NAME                            rename (a name another dataset has is refused)
import { asRefusal, LabUnavailable } from '../lab/runs/refusal';
import { exitCodeOfError, EXIT_FAILED, EXIT_REFUSED } from './exit-codes';
import { unknownDatasetsAction } from './datasets-action';
import type { CliCommand } from '../cli';
import { stringOption, type CliArgs } from './args';
import type { LabDatasets } from '../lab/datasets/index';
import { openCliDatasets } from '../lab/runs/cli-datasets';
import { datasetJson, datasetReport } from './dataset-report';
import { parseRoleAssignment } from './role-assignment';
import { checkLabelRule, labelRuleOf, storeLabelRule, typedThreshold } from './datasets-label-rule';
import { checkPositiveValue, storePositiveValue, typedPositive } from './datasets-positive-value';
import { LabelRules } from '../lab/lab/label-rules';
import { shellWord } from '../../common/text/shell-word';
import { splitCommand } from './datasets-split';
import { COLUMN_TYPES, type ColumnTypeName } from '../../common/data/roles';
import { retypeDataset, type TypeChanges } from '../lab/datasets/retype';
import { sayRefusal } from './json-refusal';

const n = (x: number) => x.toLocaleString('en-US');

function list(lab: LabDatasets, json: boolean): number {
  const { datasets: all, damaged } = lab.registry.listChecked();
  // rows whose stored JSON is damaged are left out, each said once on stderr (--json's stdout stays JSON)
  for (const d of damaged) console.error(`gatelab datasets: ${d.reason}`);
  if (json) {
    console.log(JSON.stringify(all.map((d) => datasetJson(d))));
    return 0;
  }
  if (all.length === 0) {
    console.log(damaged.length ? 'No other datasets. Import one with: gatelab import FILE' : 'No datasets yet. Import one with: gatelab import FILE');
    return 0;
  }
  // Only the demos are made for a family; the lab infers none for an imported file (Models keeps the
  // family chosen there), so an imported dataset shows a dash, explained under the table.
  const rows = all.map((d) => [String(d.id), d.name, n(d.rows), String(d.columns.length), d.format, d.family ?? NO_FAMILY, d.isDemo ? 'demo' : d.sourceName]);
  const head = ['id', 'name', 'rows', 'cols', 'format', 'family', 'source'];
  const w = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  for (const r of [head, ...rows]) console.log(r.map((v, i) => (i === 2 || i === 3 ? v.padStart(w[i]) : v.padEnd(w[i]))).join('  ').trimEnd());
  if (all.some((d) => !d.family)) console.log(`\nfamily ${NO_FAMILY}: an imported file, made for no model family (only the demos are): any family its columns fit trains on it (forecasting: numeric columns over time; recsys: categorical fields and a target; fusion: a target and feature columns)`);
  return 0;
}

const NO_FAMILY = '—';

/**
 * The actions that write the lab database, in the words of their refusal on a lab open read-only ("Cannot
 * rename: …", as the registry says it for rename and types).
 */
const WRITES = new Map([['roles', 'set roles'], ['split', 'store a split'], ['types', 'change types'], ['rename', 'rename'], ['delete', 'delete a dataset']]);

function show(lab: LabDatasets, ref: string, json: boolean): number {
  const d = lab.registry.resolve(ref);
  const splits = lab.store.splits.list(d.id);
  const rule = labelRuleOf(lab.store, d.id);
  const positive = positiveOf(lab, d.id);
  if (json) {
    console.log(JSON.stringify({ ...datasetJson(d), description: d.description, splits, label: { positiveAtLeast: rule, positive } }));
    return 0;
  }
  const target = d.columns.find((c) => c.role === 'target')?.name;
  const ruleLine = target === undefined ? '' : rule !== null ? `\nLabel rule: '${target}' ≥ ${rule} is positive (1), below it negative (0)`
    : positive !== null ? `\nLabel rule: '${target}' = '${positive}' is positive (1), the other value negative (0)` : '';
  console.log(datasetReport(d, `Dataset ${d.id} '${d.name}'${d.isDemo ? ' (demo)' : ''}${d.description ? `\n${d.description}` : ''}${ruleLine}`));
  for (const s of splits) console.log(`Split '${s.name}' (id ${s.id}): ${n(s.counts.train)} train / ${n(s.counts.val)} val / ${n(s.counts.test)} test  ${JSON.stringify(s.spec)}`);
  return 0;
}

/** The positive value stored with the dataset's label rule (datasets-positive-value.ts), null without one. */
const positiveOf = (lab: LabDatasets, id: number): string | null => new LabelRules(lab.store.settings).get(String(id))?.positive ?? null;

/** `roles ID col=role ... [--positive-at-least N | --positive VALUE]`: the roles, and the target's label rule (datasets-label-rule.ts, datasets-positive-value.ts). */
function roles(lab: LabDatasets, ref: string, assignments: string[], threshold: number | null | undefined, positive: string | null | undefined, json: boolean): number {
  const d = lab.registry.resolve(ref);
  const changes = assignments.map((a) => parseRoleAssignment(a, shellWord(ref)));
  if (changes.length === 0 && threshold === undefined && positive === undefined) throw new Error('give at least one column=role');
  // refused before anything is stored: the roles and the rule change together or not at all
  checkLabelRule(d, changes, threshold, ref);
  checkPositiveValue(d, changes, positive, threshold, ref);
  const updated = changes.length ? lab.registry.setColumns(d.id, changes) : d;
  const said = [storeLabelRule(lab.store, d, updated, threshold), storePositiveValue(lab.store, d, updated, positive)];
  if (json) console.log(JSON.stringify({ ...datasetJson(updated), label: { positiveAtLeast: labelRuleOf(lab.store, d.id), positive: positiveOf(lab, d.id) } }));
  else console.log(datasetReport(updated, `Dataset ${d.id} '${d.name}': ${[changes.length ? 'roles updated' : '', ...said].filter(Boolean).join('; ') || 'nothing changed'}`));
  return 0;
}

/** `types ID col=type ...`: the dataset is parsed again from its stored original (retype.ts). */
async function types(lab: LabDatasets, ref: string, assignments: string[], onInvalid: string | undefined, json: boolean): Promise<number> {
  const d = lab.registry.resolve(ref);
  const changes: TypeChanges = {};
  for (const a of assignments) {
    const m = /^(.+)=([a-z]+)$/.exec(a);
    const type = m?.[2];
    if (!m || (type !== 'inferred' && !COLUMN_TYPES.includes(type as ColumnTypeName))) throw new Error(`'${a}': write column=type, with a type among ${COLUMN_TYPES.join(', ')}, or column=inferred to go back to the inferred type`);
    changes[m[1]] = type === 'inferred' ? null : (type as ColumnTypeName);
  }
  if (assignments.length === 0) throw new Error('give at least one column=type');
  if (onInvalid !== undefined && !['reject', 'drop', 'impute'].includes(onInvalid)) throw new Error(`--on-invalid must be reject, drop or impute (got '${onInvalid}')`);
  const out = await retypeDataset(lab.registry, d.id, changes, { onInvalid: onInvalid as 'reject' | 'drop' | 'impute' | undefined }).catch((e: Error) => {
    if (/policy for bad values is reject/.test(e.message)) e.message += ` (here: add --on-invalid drop or --on-invalid impute)`;
    throw e;
  });
  console.log(json ? JSON.stringify({ ...datasetJson(out.dataset), changed: out.changed, message: out.message }) : datasetReport(out.dataset, `Dataset ${d.id} '${d.name}': ${out.message}`));
  return 0;
}

/**
 * `delete ID [--yes]`: runs trained on the dataset keep their results, curves, checkpoints and exported
 * files, but lose what needs the data (Try it, knockouts, gate reports, resume): as the app's confirmation
 * says, so the command asks for --yes before leaving them without it. Queued or training runs still refuse.
 */
function deleteDataset(lab: LabDatasets, ref: string, yes: boolean, json: boolean): number {
  const d = datasetToDelete(lab, ref);
  const using = lab.store.runs.list().filter((r) => r.datasetId === d.id);
  const n = using.length;
  const runs = `${n} run${n === 1 ? '' : 's'} (${using.slice(0, 10).map((r) => r.id).join(', ')}${n > 10 ? ', …' : ''})`;
  const keep = `${n === 1 ? 'it keeps its' : 'they keep their'} results, curves, checkpoints and exported files, but Try it, knockouts, gate reports and resume need the data and will stop working`;
  const demo = d.isDemo ? ' It is a demo dataset: GateLab does not re-create a deleted demo.' : '';
  if (n && !yes && lab.registry.busyRuns(d.id).length === 0) {
    throw new Error(`dataset ${d.id} '${d.name}' is used by ${runs}: deleting it, ${keep}.${demo} Add --yes to delete it anyway (gatelab datasets delete ${d.id} --yes)`);
  }
  lab.registry.delete(d.id);
  if (json) console.log(JSON.stringify({ dataset: d.id, deleted: true, runsUsing: using.map((r) => r.id) }));
  else console.log(`Deleted dataset ${d.id} '${d.name}'${d.damaged ? ` (its stored ${d.damaged.replace(/_/g, ' ')} was damaged)` : ''} and its files${n ? `; ${runs} trained on it: ${keep}` : ''}`);
  return 0;
}

/**
 * The dataset `delete ID` removes: resolved as usual, or, when its stored row is damaged (resolving reads it
 * and fails), its plain columns and the damaged column: deleting is the way out the lab names for such a
 * dataset (a name it holds, registry-name-holder.ts), and the registry's delete reads only those.
 */
function datasetToDelete(lab: LabDatasets, ref: string): { id: number; name: string; isDemo: boolean; damaged?: string } {
  const damaged = /^\d+$/.test(ref) ? lab.store.datasets.listChecked().damaged.find((d) => d.id === Number(ref)) : undefined;
  const plain = damaged && lab.store.datasets.plainColumns(damaged.id);
  return plain ? { ...plain, damaged: damaged.column } : lab.registry.resolve(ref);
}

export const command: CliCommand = {
  summary: 'list datasets, or: datasets show|roles|types|rename|split|delete ID ...  [--json]',
  usage: "[list | show ID | roles ID col=role[:modality]... [--positive-at-least N | --positive VALUE] | types ID col=type... [--on-invalid P] | rename ID NAME | split ID --kind K ... | split ID --delete NAME | delete ID [--yes]]",
  options: [
    ["--kind K", "split: ett, chronological, random, stratified, leave-last-out or given"],
    ["--name N", "split: its name (default: the kind; a second one gets -2, -3, ...); an existing name is replaced unless a run uses that split"],
    ["--delete NAME", "split: delete the stored split NAME (or id) instead; refused while a run names it"],
    ["--seed S", "split: the seed of a random or stratified split"],
    ["--ratios a,b,c", "split: train,val,test fractions (default 0.8,0.1,0.1; chronological 0.7,0.1,0.2)"],
    ["--rows-per-hour R", "split ett: rows per hour of the series (default: from the time column's step; 4 for 15-minute data)"],
    ["--column C", "split stratified: the column to stratify by"],
    ["--user C", "split leave-last-out: the user column"],
    ["--time C", "split leave-last-out: the time column"],
    ["--train FILE", "split given: the training file"],
    ["--test FILE", "split given: the test file"],
    ["--val FILE", "split given: the validation file (default: carved from train)"],
    ["--keys c1,c2", "split given: the columns that match rows across files"],
    ["--val-fraction F", "split given: the share of train carved out for validation (default 0.1)"],
    ["--positive-at-least N", "roles: the target's label rule, as the app's 'binary label: value ≥ t': N or more is positive (1), below negative (0); none removes it"],
    ["--positive VALUE", "roles: which value of a two-valued target is positive (e.g. --positive 'Charged Off'), for every new run on the dataset; none removes it"],
    ["--on-invalid P", "types: what to do with values the new type cannot read: reject (default: the import's), drop or impute"],
    ["--yes", "delete: delete a dataset that runs were trained on (they keep their results, lose Try it and analytics)"],
    ["--json", "one JSON object on stdout (for scripts)"],
  ],
  async run(args: CliArgs) {
    const [action, ref, ...rest] = args.positionals;
    const json = args.options.json === true;
    const unknown = unknownDatasetsAction(action, ref);
    if (unknown) {
      sayRefusal('datasets', command, args, unknown);
      return EXIT_REFUSED;
    }
    let lab: LabDatasets;
    try {
      // every action, not only the list: a new lab's first `datasets show "Demo: click log (CTR)"` finds it
      lab = await openCliDatasets(stringOption(args, 'home'));
    } catch (e) {
      sayRefusal('datasets', command, args, (e as Error).message);
      return EXIT_FAILED;
    }
    const writes = action === undefined ? undefined : WRITES.get(action);
    // a lab open read-only: reading says so once; a write refuses with the notice (exit 1, the lab's state)
    if (lab.notice && !writes) console.error(`gatelab datasets: ${lab.notice}`);
    try {
      if (!action || action === 'list') return list(lab, json);
      if (!ref) throw new Error(`usage: gatelab datasets ${action} ID ...`);
      const threshold = typedThreshold(args.options['positive-at-least']);
      if (threshold !== undefined && action !== 'roles') throw new Error(`--positive-at-least sets the target's label rule: gatelab datasets roles ${shellWord(ref)} COLUMN=target --positive-at-least N`);
      const positive = typedPositive(args.options['positive'] as string | true | undefined);
      if (positive !== undefined && action !== 'roles') throw new Error(`--positive sets the target's positive value: gatelab datasets roles ${shellWord(ref)} COLUMN=target --positive VALUE`);
      if (writes && lab.store.readOnly) {
        const what = action === 'split' && stringOption(args, 'delete') !== undefined ? 'delete a split' : writes;
        throw new LabUnavailable(`Cannot ${what}: ${lab.notice ?? 'the lab database is open read-only'}`);
      }
      switch (action) {
        case 'show': return show(lab, ref, json);
        case 'roles': return roles(lab, ref, rest, threshold, positive, json);
        case 'split': return await splitCommand(lab, ref, args, json);
        case 'types': return await types(lab, ref, rest, stringOption(args, 'on-invalid'), json);
        case 'rename': {
          if (rest.length === 0) throw new Error('usage: gatelab datasets rename ID NAME (quote a name with spaces)');
          const { dataset } = lab.registry.rename(lab.registry.resolve(ref).id, rest.join(' '));
          if (json) console.log(JSON.stringify(datasetJson(dataset)));
          else console.log(`Dataset ${dataset.id} is now '${dataset.name}'`);
          return 0;
        }
        case 'delete': return deleteDataset(lab, ref, args.options.yes === true, json);
        default:
          throw new Error(`unknown action '${action}': use list, show, roles, types, rename, split or delete`);
      }
    } catch (e) {
      sayRefusal('datasets', command, args, (e as Error).message);
      // what an action throws refuses the request (2), unless the lab failed (its database, its disk: 1)
      return exitCodeOfError(asRefusal(e));
    } finally {
      lab.close();
    }
  },
};
