// Compare's runs-at-a-glance table without the markup: one row per compared run, the settings that tell it
// apart from the other runs (its gates in words, then the other config keys whose values differ), and every
// test metric its family reports, the best value of each marked. Before it, a comparison of a default gate,
// a hard gate and the ablation showed three runs named alike whose differences sat in "Config differences"
// further down, and the test metrics one at a time through the chart's metric picker.
import { TEMPLATES } from '../../common/models';
import { configDiff, dataDerivedFields } from './config-diff';
import { labelledDiff } from './config-labels';
import { comparableGroups, lossKind, saysAlready } from './compare-families';
import { lowerIsBetter } from '../../common/runs/metric-direction';
import { apAfterAuc } from '../../common/runs/ap-chance';
import { defaultGateWords, gateWords } from './gate-words';
import { FAMILY_WORDS } from './data-shape';
import type { Family } from '../../common/lab-api';

type Obj = Record<string, unknown>;

/** What the table needs of a compared run (RunDetail has it). */
export interface SummaryRun {
  id: string;
  name: string;
  seed: number;
  template: string;
  status: string;
  config: Obj;
  metrics: Record<string, number>;
  gatesOff?: boolean;
  ratingUnits?: 'rating' | 'scaled';
  /** The trainer's data summary: the test part's positive rate is test.ap's chance level (common/runs/ap-chance.ts). */
  data?: { baseline?: { positiveRate?: number } } | null;
}

export interface SummaryRow {
  run: SummaryRun;
  /** The settings that tell this run apart, each a short phrase ("hard gate", "lr=0.01"). */
  settings: string[];
  /** One value per metric of the table (null: the run has none, e.g. not tested yet). */
  values: (number | null)[];
  /** Per metric: this run's value is the best of the runs it is ranked with. */
  best: boolean[];
}

export interface SummaryTable {
  /** The template family ('forecasting', 'recsys', 'fusion'), or 'template:<id>' for a template this build does not know. */
  key: string;
  /** "forecasting" — shown when the compared runs span families. */
  label: string;
  /** The test metrics any run of the family has, sorted (test.auc, test.ap, test.loss, …: ap after auc). */
  metrics: string[];
  rows: SummaryRow[];
  /** Metrics not ranked, each with why ("different datasets: not ranked"): no ★ in their column. */
  unranked: Record<string, string>;
}

/** A regression's errors in its target's own units: revenue's mse (≈ 2e10) and visibility's (≈ 0.01) are no one scale. r2 is unitless and the loss standardized. */
const RAW_UNIT_ERROR = /(^|\.)(mse|mae|rmse)$/;
const datasetOf = (r: SummaryRun) => JSON.stringify((r.config.data as Obj | undefined)?.datasetId ?? null);
/** The regressed column(s) of a run's binding (data.columns with role target). */
const targetOf = (r: SummaryRun) => {
  const columns = (r.config.data as Obj | undefined)?.columns;
  return JSON.stringify(Array.isArray(columns) ? columns.filter((c) => (c as Obj | null)?.role === 'target').map((c) => (c as Obj).name) : null);
};

/**
 * Why runs' `metric` values cannot be ranked although they share a family and a loss kind, or null:
 * regressions' raw-unit errors on different datasets (or targets) measure different units.
 */
function notRanked(runs: readonly SummaryRun[], metric: string): string | null {
  if (!RAW_UNIT_ERROR.test(metric) || !runs.every((r) => lossKind(r.template, r.metrics).key === 'regression')) return null;
  if (new Set(runs.map(datasetOf)).size > 1) return 'different datasets: not ranked';
  if (new Set(runs.map(targetOf)).size > 1) return 'different targets: not ranked';
  return null;
}

const familyOf = (template: string) => TEMPLATES.find((t) => t.id === template)?.family ?? null;
const gateFieldsOf = (template: string) => TEMPLATES.find((t) => t.id === template)?.gates ?? [];
/** Keys that tell runs apart but say nothing as a setting: the run's own seed (its label has it; said only when nothing else differs) and name; a dataset's column binding (its dataset says it). */
// rules a run records for exact resumes (the τ step, part-totals sizing): not settings a user chose; Compare's split note names the latter
const NOT_SETTINGS = (key: string) => key === 'seed' || key === 'name' || key.startsWith('data.columns') || key === 'temperatureAtStepNumber' || key === 'data.stratifyByTotals';

/** A JSON-encoded config value as a word: strings without quotes, long lists counted. */
function valueWord(json: string): string {
  try {
    const v = JSON.parse(json) as unknown;
    if (typeof v === 'string') return v;
    if (Array.isArray(v) && json.length > 24) return `[${v.length} items]`;
  } catch {
    /* not JSON: as it is */
  }
  return json.length > 24 ? `${json.slice(0, 23)}…` : json;
}

/** At most this many gate changes are named per run, then "+N more". */
const GATE_WORDS_SHOWN = 3;

/**
 * Each run's gate words (changes from the template's defaults) with the ones that differ among the runs
 * first: two runs that both set `lr` and `granularity` but differ in `threshold` showed "lr · granularity ·
 * … · +1 more" and hid the one setting that set them apart. Words every run shares come after; only those
 * past the first few are counted as "+N more".
 */
function apartFirst(all: readonly string[]): string[] {
  const lists = all.map((w) => (w ? w.split(' · ') : []));
  return lists.map((words) => {
    const shared = (w: string) => lists.length > 1 && lists.every((l) => l.includes(w));
    const ordered = [...words.filter((w) => !shared(w)), ...words.filter(shared)];
    return ordered.length > GATE_WORDS_SHOWN + 1 ? `${ordered.slice(0, GATE_WORDS_SHOWN).join(' · ')} · +${ordered.length - GATE_WORDS_SHOWN} more` : ordered.join(' · ');
  });
}

/**
 * The settings of each run that differ among `runs`, one list per run: its gates in words (gateWords; a
 * run with the default gates says so when another run changed its gates), then `Label = value` for the other
 * config keys that differ, by the Models form's labels (config-labels). `datasetName` turns a data.datasetId into the dataset's name.
 * `names`: each run's name, when it is shown beside these words; a setting the name already says as a sweep
 * names its points ("dlinear sweep lr=0.01") is not said twice.
 */
export function distinguishingSettings(runs: readonly (Pick<SummaryRun, 'template' | 'config'> & { seed?: number })[], datasetName: (id: string) => string | undefined = () => undefined, names: readonly string[] = []): string[][] {
  const models = runs.map((r) => (r.config.model ?? {}) as Obj);
  const gates = apartFirst(runs.map((r, i) => gateWords(r.template, models[i], Infinity, true)));
  const anyGates = gates.some((g) => g !== '');
  // the gate fields are said in words above: left out of the key-by-key differences
  const rest = runs.map((r, i) => {
    const { name: _name, model: _model, ...config } = r.config;
    // and the dataset's own numbers (targetScale, modalities...) are no settings (config-diff dataDerivedFields)
    const fields = [...gateFieldsOf(r.template), ...dataDerivedFields(r.template)];
    const model = Object.fromEntries(Object.entries(models[i]).filter(([k]) => !fields.includes(k)));
    return { ...config, model };
  });
  // named as the Models form names them ("Optimizer learning rate = 0.001", not "lr=0.001"): config-labels
  const diff = labelledDiff(configDiff(rest).filter((d) => !NOT_SETTINGS(d.key)), runs.map((r) => r.template));
  const words = runs.map((r, i) => {
    const words: string[] = [];
    if (gates[i]) words.push(gates[i]);
    else if (anyGates) { const d = defaultGateWords(r.template); if (d) words.push(d); }
    for (const d of diff) {
      const v = d.values[i];
      if (v === undefined) continue;
      if (d.key === 'data.datasetId') { const id = String(JSON.parse(v)); words.push(`dataset ${datasetName(id) ?? id}`); continue; }
      if (names[i] && saysAlready(names[i], `${d.key.split('.').at(-1)}=${valueWord(v)}`)) continue;
      words.push(`${d.label} = ${valueWord(v)}`);
    }
    return words;
  });
  // runs alike but for their seed (two seeds of one config): the seed is what sets them apart, so it is
  // said rather than a bare "—" that read as "no settings", or the gate change both seeds share ("Gate init
  // bias = 1" on each row, which set nothing apart)
  const seeds = runs.map((r) => (r.config.seed ?? r.seed) as unknown);
  const alike = words.every((w) => w.join(' · ') === words[0].join(' · '));
  if (runs.length > 1 && alike && new Set(seeds.map((x) => JSON.stringify(x))).size > 1) {
    return seeds.map((x) => (x === undefined ? [] : [`Seed = ${String(x)}`]));
  }
  return words;
}

/** A family table's heading: "forecasting", "recommendation"; a template this build does not know by its id. */
const familyLabel = (key: string) => (key in FAMILY_WORDS ? FAMILY_WORDS[key as Family] : key.replace(/^template:/, ''));

/**
 * The settings of the only run of its family among runs of other families, briefly: that it is the only one,
 * then its dataset and its gates' changes from the template's defaults ("hard gate"), which say what was
 * trained. Every other key differs from another family's runs and says nothing.
 */
function loneRunSettings(run: SummaryRun, family: string, datasetName: (id: string) => string | undefined = () => undefined): string[] {
  const words = [`the only ${family} run`];
  const dataset = (run.config.data as Obj | undefined)?.datasetId;
  if (dataset !== undefined && dataset !== null) words.push(`dataset ${datasetName(String(dataset)) ?? String(dataset)}`);
  const gates = gateWords(run.template, (run.config.model ?? {}) as Obj, GATE_WORDS_SHOWN, true);
  if (gates) words.push(gates);
  return words;
}

/**
 * The compared runs by template family, each with every test metric of the family and the best value of
 * each marked. A metric is ranked as Compare ranks it (comparableGroups: an MMoE run's multi-task test
 * loss is not ranked against a FinalMLP logloss), in its direction (lower for losses and errors); a metric
 * only one run of its group has marks nothing.
 */
export function summaryTables(runs: readonly SummaryRun[], datasetName?: (id: string) => string | undefined): SummaryTable[] {
  const settings = distinguishingSettings(runs, datasetName);
  const families = new Map<string, { runs: SummaryRun[]; settings: string[][] }>();
  runs.forEach((r, i) => {
    const key = familyOf(r.template) ?? `template:${r.template}`;
    if (!families.has(key)) families.set(key, { runs: [], settings: [] });
    families.get(key)!.runs.push(r);
    families.get(key)!.settings.push(settings[i]);
  });
  // a table of two or more runs says what sets each apart from the others *in that table*: against runs of
  // another family every key differs, and two seeds of gmu read "dataset tickets · epochs=30 · dropout=0.1 ·
  // hidden=[64] · …" (ten settings) instead of their seeds. A table's lone run has nothing in its table to
  // be set apart from: it says so, with its dataset and its gates (loneRunSettings), not that long list.
  for (const [key, f] of families) {
    if (families.size > 1 && f.runs.length > 1) f.settings = distinguishingSettings(f.runs, datasetName);
    if (families.size > 1 && f.runs.length === 1) f.settings = [loneRunSettings(f.runs[0], familyLabel(key), datasetName)];
  }
  return [...families].map(([key, f]) => {
    const metrics = apAfterAuc([...new Set(f.runs.flatMap((r) => Object.keys(r.metrics).filter((m) => m.startsWith('test.') && Number.isFinite(r.metrics[m]))))].sort(), (m) => m);
    const valueOf = (r: SummaryRun, m: string) => (Number.isFinite(r.metrics[m]) ? r.metrics[m] : null);
    const unranked: Record<string, string> = {};
    const bestIds = metrics.map((m) => {
      const ids = new Set<string>();
      for (const g of comparableGroups(f.runs, m).groups) {
        const scored = g.runs.filter((r) => valueOf(r, m) !== null);
        if (scored.length < 2) continue;
        const why = notRanked(scored, m);
        if (why) { unranked[m] = why; continue; }
        const values = scored.map((r) => valueOf(r, m)!);
        const best = lowerIsBetter(m) ? Math.min(...values) : Math.max(...values);
        scored.forEach((r) => { if (valueOf(r, m) === best) ids.add(r.id); });
      }
      return ids;
    });
    return {
      key, label: familyLabel(key), metrics, unranked,
      rows: f.runs.map((r, i) => ({ run: r, settings: f.settings[i], values: metrics.map((m) => valueOf(r, m)), best: bestIds.map((ids) => ids.has(r.id)) })),
    };
  });
}
