// Changing column types after import. The dataset is parsed again from its stored original, with the
// import options it was made with plus the types the user set, into a scratch cache next to the live one.
// Only a complete parse that keeps the columns, the types the user did not change and the rows (unless the
// requested change drops or keeps rows under the bad-value policy) replaces the live cache: rename
// live -> parked, scratch -> live, then record the new stats in one transaction; any failure puts the parked
// cache back. The dataset keeps its id, name, roles, modalities, splits and label rule.
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { importFile, ImportError, rulesToReparse, type ImportHooks, type ImportOptions, type ImportProgressEvent, type ImportResult, type RecordedImportOptions } from '../import/index';
import { describeRules, recordedRules, type ParseRules } from '../import/parse-rules';
import { META_FILE, type DatasetCacheMeta, type InvalidPolicy, type ValidationReport } from '../../../common/dataset-cache';
import { typeChoices } from '../../../common/lab-api/datasets';
import type { ColumnTypeName } from '../../../common/data/roles';
import { typeNotHonoured, typeNotOffered } from './retype-refusals';
import { firstDrift } from './reread-drift';
import { listDecidesNothing } from './retyped-list-rules';
import type { Dataset, DatasetRegistry } from './registry';
import { keepForFinishedRuns, keptRunIds, pruneTrainedCaches } from './trained-caches';
import { LabUnavailable } from '../runs/refusal';
import { didYouMean } from '../../../common/text/did-you-mean';

export { recoverInterruptedRetypes } from './retype-recovery';

/** Column name -> the type to read it as; null: back to what the importer infers. */
export type TypeChanges = Record<string, ColumnTypeName | null>;

/** A type change the lab will not make; the message says why and what to do. Nothing was changed. */
export class RetypeRefused extends Error {
  override name = 'RetypeRefused';
}

export interface RetypeOptions {
  /** Replaces the dataset's policy for values the new types cannot read (default: the one it was imported with). */
  onInvalid?: InvalidPolicy;
  signal?: AbortSignal;
  onProgress?(p: ImportProgressEvent): void;
}

export interface RetypeOutcome {
  dataset: Dataset;
  changed: Array<{ column: string; from: ColumnTypeName; to: ColumnTypeName }>;
  /** The confirmation for the user: what changed and what it means for runs. */
  message: string;
}

const count = (x: number) => x.toLocaleString('en-US');
const list = (xs: string[]) => xs.join(', ');

export async function retypeDataset(registry: DatasetRegistry, ref: string | number, changes: TypeChanges, options: RetypeOptions = {}): Promise<RetypeOutcome> {
  const { store, paths } = registry;
  if (store.readOnly) throw new LabUnavailable(`Cannot change types: ${store.notice ?? 'the lab database is open read-only'}`);
  const d = registry.resolve(ref);
  if (Object.keys(changes).length === 0) throw new RetypeRefused(`name at least one column of dataset ${d.id} '${d.name}' and the type to read it as`);
  const plan = planTypes(d, changes, options.onInvalid);
  if (plan.changed.length === 0 && !plan.policyChanged) {
    return { dataset: d, changed: [], message: `Nothing to change: dataset ${d.id} '${d.name}' already reads ${list(Object.keys(changes).map((c) => `'${c}' as ${d.columns.find((x) => x.name === c)!.type}`))}.` };
  }
  const busy = registry.busyRuns(d.id);
  if (busy.length) {
    throw new RetypeRefused(`dataset ${d.id} '${d.name}' is in use by ${list(busy.map((r) => `run ${r.id} (${r.status})`))}: changing its types now would change the data under ${busy.length > 1 ? 'them' : 'it'}. Wait until ${busy.length > 1 ? 'they end' : 'it ends'} or cancel (gatelab cancel ${busy[0].id}), then change the types`);
  }
  const source = join(paths.home, d.sourcePath);
  if (!existsSync(source)) throw new RetypeRefused(`the original file of dataset ${d.id} '${d.name}' is missing (${source}); import ${d.sourceName} again to change its types`);

  // how it was read: the rules and the columns read under every rule, recorded or (an older record) found by evidence
  const reading = await readingOf(d, source, options);
  // the columns typed by this change or an earlier one, read under every rule (workers/import/parse-rules.ts retypedNow)
  const retypedColumns = retypedSoFar(reading.retyped, changes, plan.changed, plan.columnTypes);
  plan.importOptions = { ...plan.importOptions, parseRules: reading.rules, retypedColumns };
  const scratch = `${d.cachePath}.importing-${process.pid}-${randomBytes(4).toString('hex')}`;
  const importOptions: RecordedImportOptions = { ...plan.importOptions, columnTypes: plan.columnTypes };
  let result: ImportResult;
  let kept: string | null = null;
  try {
    result = await importFile(source, scratch, importOptions, { signal: options.signal, onProgress: options.onProgress });
  } catch (e) {
    if (e instanceof ImportError && e.code === 'unparsable' && plan.policy === 'reject') throw await countRefusal(d, source, importOptions, plan, e);
    throw e;
  }
  try {
    keepSourceName(scratch, d.sourceName);
    checkParse(registry, d, result, plan, changes);
    // The parse took a while: a run queued on the dataset meanwhile reads the cache lazily, so the new
    // files must not be swapped in under it (asked again here, synchronously with the swap).
    const startedSince = registry.busyRuns(d.id);
    if (startedSince.length) {
      throw new RetypeRefused(`dataset ${d.id} '${d.name}' came into use by ${list(startedSince.map((r) => `run ${r.id} (${r.status})`))} while it was being parsed again: nothing was changed. Change the types when ${startedSince.length > 1 ? 'they end' : 'it ends'}`);
    }
    kept = swapIn(d.cachePath, scratch, () => store.datasets.replaceParse(d.id, { rows: result.rows, validation: result.validation, importOptions: { ...plan.importOptions } }, result.columns.map((c, i) => {
      const override = plan.overrides.get(c.name) ?? null;
      // An overridden column keeps what was inferred at import; the others take this parse's inference.
      return { name: c.name, inferredType: override ? d.columns[i].inferredType : c.type, typeOverride: override, stats: { ...c.stats, dtype: c.dtype, dim: c.dim } };
    })), (parked) => keepForFinishedRuns(store, d.id, parked, result.columns));
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  const dataset = registry.get(d.id)!;
  pruneTrainedCaches(store, dataset); // a change back: the runs those copies served read the live cache again
  const changed = plan.changed.map((column) => ({ column, from: d.columns.find((c) => c.name === column)!.type, to: dataset.columns.find((c) => c.name === column)!.type }));
  return { dataset, changed, message: confirmation(registry, d, dataset, changed, result, kept) };
}

interface TypePlan {
  /** What the importer is told (import-time --types, minus those sent back to inferred, plus overrides). */
  columnTypes: Record<string, ColumnTypeName>;
  /** The override each column will have after the change. */
  overrides: Map<string, ColumnTypeName | null>;
  /** The dataset's import options after the change (policy, import-time types, the reading rules it was imported under). */
  importOptions: RecordedImportOptions;
  policy: InvalidPolicy;
  policyChanged: boolean;
  /** Columns whose type in effect changes. */
  changed: string[];
}

function planTypes(d: Dataset, changes: TypeChanges, onInvalid: InvalidPolicy | undefined): TypePlan {
  const recorded = d.importOptions as ImportOptions;
  const atImport: Record<string, ColumnTypeName> = { ...(recorded.columnTypes ?? {}) } as Record<string, ColumnTypeName>;
  const overrides = new Map(d.columns.map((c) => [c.name, c.typeOverride] as const));
  const changed: string[] = [];
  for (const [name, type] of Object.entries(changes)) {
    const c = d.columns.find((x) => x.name === name);
    if (!c) throw new RetypeRefused(`dataset ${d.id} '${d.name}' has no column '${name}'${didYouMean(name, d.columns.map((x) => x.name))}. Its columns are: ${list(d.columns.map((x) => x.name))}`);
    if (type === null) {
      if (c.typeOverride !== null || name in atImport) changed.push(name);
      overrides.set(name, null);
      delete atImport[name];
      continue;
    }
    const choices = typeChoices({ type: c.type, inferredType: c.inferredType, sample: topValues(c) });
    if (!choices.includes(type)) throw new RetypeRefused(typeNotOffered(d, c, type, choices));
    if (type !== c.type) changed.push(name);
    overrides.set(name, type === c.inferredType ? null : type);
  }
  const columnTypes = { ...atImport };
  for (const [name, type] of overrides) if (type) columnTypes[name] = type;
  const policy: InvalidPolicy = onInvalid ?? recorded.onInvalid ?? 'reject';
  const { columnTypes: _replaced, retypedColumns: _before, ...rest } = recorded; // rebuilt below: only what is still in force
  // parseRules and retypedColumns: set by the caller to how the dataset was read (readingOf), so that changing
  // one column's type leaves the others and the rows as they were
  const importOptions: RecordedImportOptions = {
    ...rest, ...(Object.keys(atImport).length ? { columnTypes: atImport } : {}), ...(onInvalid ? { onInvalid } : {}),
  };
  return { columnTypes, overrides, importOptions, policy, policyChanged: policy !== (recorded.onInvalid ?? 'reject'), changed };
}

/**
 * The columns a type change has typed, this one or an earlier one (`before`: readingOf): each was a new
 * decision read under every reading rule (workers/import/parse-rules.ts retypedNow), and every later parse
 * must read it so again. Were only this request's columns listed, a column retyped earlier to read AM/PM times
 * or Excel dates would fall back to the dataset's old rules at the next change of another column, which then
 * fails to give back its values. A column whose type is no longer set (back to inferred) leaves the list.
 * Always recorded, empty too: a record with the key is read by it, one without is judged by evidence.
 */
function retypedSoFar(before: readonly string[], changes: TypeChanges, changed: string[], columnTypes: Record<string, ColumnTypeName>): string[] {
  const now = changed.filter((name) => changes[name] !== null);
  return [...new Set([...before, ...now])].filter((name) => Object.hasOwn(columnTypes, name));
}

const topValues = (c: Dataset['columns'][number]) => ((c.stats as { topValues?: { value: string }[] | null }).topValues ?? []).map((t) => t.value);

/**
 * The new parse must fit the dataset: the same columns; the types the user did not ask to change; the same
 * rows, unless the requested change explains the difference (rows its policy now drops, or no longer drops),
 * and then not under stored splits, which assign rows by position. Anything else is the parse reading the
 * file differently from the import (a reading rule that drifted): refused, nothing changed.
 */
function checkParse(registry: DatasetRegistry, d: Dataset, result: ImportResult, plan: TypePlan, changes: TypeChanges): void {
  const asked = Object.keys(changes);
  const names = result.columns.map((c) => c.name);
  if (names.length !== d.columns.length || names.some((n, i) => n !== d.columns[i].name)) {
    throw new RetypeRefused(`parsing ${d.sourceName} again gave the columns ${list(names)}, not the dataset's ${list(d.columns.map((c) => c.name))}; nothing was changed`);
  }
  const before = d.validation as Partial<ValidationReport> | null;
  const droppedBefore = before?.rowsDropped ?? 0;
  // the same lines read, and the rows gained or lost are exactly those the policy drops now and did not (or the reverse)
  const rowsExplained = result.rows === d.rows
    || (result.validation.rowsRead === (before?.rowsRead ?? result.validation.rowsRead) && d.rows - result.rows === result.validation.rowsDropped - droppedBefore);
  if (!rowsExplained) {
    throw new RetypeRefused(`parsing ${d.sourceName} again gave ${count(result.rows)} rows, not the dataset's ${count(d.rows)}, and the requested change does not account for the difference (the file is read differently from its import); nothing was changed`);
  }
  for (const [i, c] of result.columns.entries()) {
    const was = d.columns[i].type;
    // a type the importer did not apply would be recorded as set while the cache holds another: the
    // schema would say float and the runs read a vector
    const want = Object.hasOwn(changes, c.name) ? changes[c.name] : null;
    if (want && c.type !== want) throw new RetypeRefused(typeNotHonoured(d, d.columns[i], want, c.type));
    if (asked.includes(c.name) || c.type === was) continue;
    // fewer or more rows can tip a coded column over the distinct-value share that separates categories from text
    const codedShift = result.rows !== d.rows && [was, c.type].every((t) => t === 'categorical' || t === 'text');
    if (codedShift) continue;
    throw new RetypeRefused(`parsing ${d.sourceName} again would make column '${c.name}' ${c.type} (it is ${was}), though only ${list(asked.map((a) => `'${a}'`))} ${asked.length > 1 ? 'were' : 'was'} asked to change; nothing was changed`);
  }
  // the same types can still hold other values (a reading rule that drifted): never stored as if asked for
  const relation = result.rows === d.rows ? 'same' : result.rows < d.rows ? 'fewer' : 'more';
  const drift = firstDrift(d.columns, result.columns, relation, (name) => asked.includes(name));
  if (drift) {
    throw new RetypeRefused(`re-reading ${d.sourceName} would change ${drift}, though only ${list(asked.map((a) => `'${a}'`))} ${asked.length > 1 ? 'were' : 'was'} asked to change: nothing was changed. The file is read differently from the dataset's import; its types and values stay as they are`);
  }
  if (result.rows === d.rows) return;
  const splits = registry.store.splits.list(d.id);
  if (splits.length) {
    throw new RetypeRefused(`with these types, policy '${plan.policy}' keeps ${count(result.rows)} of the dataset's ${count(d.rows)} rows, and its stored split${splits.length > 1 ? 's' : ''} ${list(splits.map((s) => `'${s.name}' (id ${s.id})`))} assign${splits.length > 1 ? '' : 's'} rows by position: ${splits.length > 1 ? 'they' : 'it'} would no longer fit. Nothing was changed. Choose another type, use impute to keep every row, or delete the split${splits.length > 1 ? 's' : ''} first`);
  }
}

/** 'date:datetime, time:categorical (48 rows)': what a re-parse must give back. */
const shapeOf = (rows: number, columns: Array<{ name: string; type: string }>) => `${list(columns.map((c) => `${c.name}:${c.type}`))} (${count(rows)} rows)`;

export interface StoredParse {
  rules: ParseRules;
  /** The columns read under every rule (the import option `retypedColumns`) that gave back the stored data. */
  retyped: string[];
  /** The parse, in a scratch directory beside the cache: the caller moves it into place or removes it. */
  dir: string;
  result: ImportResult;
}

/** The columns whose type the user set, at import (--types) or by a type change since. */
function userTyped(d: Dataset): string[] {
  const atImport = Object.keys((d.importOptions as ImportOptions).columnTypes ?? {});
  return [...new Set([...atImport, ...d.columns.filter((c) => c.typeOverride).map((c) => c.name)])];
}

/**
 * The lists of columns read under every rule that may have made the cache, most likely first. A record with
 * `retypedColumns` says. One without predates the list: its type changes read the columns they changed under
 * every rule (Excel serial days, AM/PM times), so every typed column is tried first; an importer older still
 * read them under the recorded rules alone (serial numbers in a datetime column as epoch seconds), so none
 * second. A dataset retyped twice under the old code may match neither: its type change is refused, nothing lost.
 */
export function retypedCandidates(d: Dataset): readonly string[][] {
  const given: unknown = (d.importOptions as ImportOptions).retypedColumns;
  if (Object.hasOwn(d.importOptions, 'retypedColumns')) return [Array.isArray(given) ? given.filter((n): n is string => typeof n === 'string') : []];
  const seeded = userTyped(d);
  return seeded.length ? [seeded, []] : [[]];
}

/**
 * Parses the dataset's original as its cache was made: with the rules it recorded or, when it recorded
 * none, each candidate in turn (parse-rules.ts), and with each list of columns read under every rule
 * (retypedCandidates), taking the first whose parse gives back the stored columns, types, row count and
 * column stats (reread-drift.ts). `options` are its import options with the types in force. No match: what each gave.
 */
export async function parseAsStored(d: Dataset, source: string, options: ImportOptions, hooks: ImportHooks): Promise<StoredParse | { tried: string }> {
  const stored = shapeOf(d.rows, d.columns);
  const tried: string[] = [];
  const retypedLists = retypedCandidates(d);
  for (const rules of rulesToReparse(d.importOptions)) {
    for (const retyped of retypedLists) {
      const how = `with rules ${describeRules(rules)}${retypedLists.length > 1 ? `, ${retyped.length ? `${list(retyped.map((n) => `'${n}'`))} read under every rule` : 'typed columns read under those rules'}` : ''}`;
      const dir = `${d.cachePath}.importing-${process.pid}-${randomBytes(4).toString('hex')}`;
      let result: ImportResult;
      try {
        result = await importFile(source, dir, { ...options, parseRules: rules, retypedColumns: retyped } as RecordedImportOptions, hooks);
      } catch (e) {
        rmSync(dir, { recursive: true, force: true });
        if (!(e instanceof ImportError) || hooks.signal?.aborted) throw e;
        tried.push(`${how}: ${e.message}`);
        continue;
      }
      const got = shapeOf(result.rows, result.columns);
      const drift = got === stored ? firstDrift(d.columns, result.columns, 'same') : null;
      if (got === stored && !drift) return { rules, retyped, dir, result };
      rmSync(dir, { recursive: true, force: true });
      tried.push(`${how}: ${drift ? `${drift} moved` : got}`);
    }
  }
  return { tried: tried.join('; ') };
}

/** The import options of a re-parse that should give back the dataset as stored: its own, with the types in force. */
export function optionsInForce(d: Dataset): ImportOptions {
  const recorded = d.importOptions as ImportOptions;
  const inForce: Record<string, ColumnTypeName> = { ...(recorded.columnTypes ?? {}) } as Record<string, ColumnTypeName>;
  for (const c of d.columns) if (c.typeOverride) inForce[c.name] = c.typeOverride;
  return { ...recorded, ...(Object.keys(inForce).length ? { columnTypes: inForce } : {}) };
}

/**
 * How the dataset was read: the rules and the columns read under every rule. From the record when it says
 * both (or when the list cannot matter: no typed column, or every rule the list switches on was on anyway);
 * otherwise found by parsing it as it is now (types unchanged) and keeping what gives back its cache.
 */
async function readingOf(d: Dataset, source: string, options: RetypeOptions): Promise<{ rules: ParseRules; retyped: string[] }> {
  const rules = recordedRules(d.importOptions);
  const candidates = retypedCandidates(d);
  // the list decides only some readings (Excel dates, AM/PM, '1 234', '(5)', '−5', months, 'Jan 1 2020'): retyped-list-rules.ts
  const listIrrelevant = rules !== null && listDecidesNothing(rules);
  if (rules && (candidates.length === 1 || listIrrelevant)) return { rules, retyped: candidates[0] };
  const found = await parseAsStored(d, source, optionsInForce(d), { signal: options.signal, onProgress: options.onProgress });
  if ('tried' in found) {
    const why = rules
      ? `had columns typed before the lab recorded which it reads under every rule, and no reading of ${d.sourceName} gives back the dataset as stored`
      : `was imported before the lab recorded its reading rules, and no set of rules reads ${d.sourceName} as the dataset is stored`;
    throw new RetypeRefused(`dataset ${d.id} '${d.name}' ${why}, ${shapeOf(d.rows, d.columns)}: ${found.tried}. Nothing was changed. To change its types, delete it (gatelab datasets delete ${d.id}) and import the file again`);
  }
  rmSync(found.dir, { recursive: true, force: true });
  return { rules: found.rules, retyped: found.retyped };
}

/** Under 'reject' the importer stops at the first bad value: parse again with 'drop' to count them all. */
async function countRefusal(d: Dataset, source: string, options: ImportOptions, plan: TypePlan, first: ImportError): Promise<RetypeRefused> {
  const column = first.column ?? plan.changed[0];
  const type = plan.columnTypes[column];
  let counted = '';
  const scratch = `${d.cachePath}.importing-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    const dropped = await importFile(source, scratch, { ...options, onInvalid: 'drop' });
    const bad = dropped.validation.issues.find((i) => i.kind === 'unparsable' && i.column === column);
    if (bad) {
      const e = bad.examples[0];
      counted = `${count(bad.count)} of ${count(d.rows)} values do not read as ${type}${e ? `, e.g. line ${count(e.line)}: '${e.value.slice(0, 60)}'` : ''}`;
    }
  } catch {
    // counting is a courtesy: the first error still says where
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  if (!counted) counted = first.line ? `line ${count(first.line)} does not read as ${type}` : first.message;
  return new RetypeRefused(`column '${column}' cannot be ${type}: ${counted}. The dataset's policy for bad values is reject, so nothing was changed. Choose another type, or apply it with the import's drop (drop those rows) or impute (fill those values) policy`);
}

/**
 * Puts the complete scratch cache in place of the live one; `record` writes the store; any failure restores
 * the old cache. Then `release` disposes of the old cache (removes it, or keeps it for finished runs).
 */
function swapIn<T>(live: string, scratch: string, record: () => void, release: (parked: string) => T): T {
  const parked = `${live}.replaced-${process.pid}-${randomBytes(4).toString('hex')}`;
  renameSync(live, parked);
  try {
    renameSync(scratch, live);
  } catch (e) {
    renameSync(parked, live);
    throw e;
  }
  try {
    record();
  } catch (e) {
    rmSync(live, { recursive: true, force: true });
    renameSync(parked, live);
    throw e;
  }
  return release(parked);
}

function confirmation(registry: DatasetRegistry, before: Dataset, after: Dataset, changed: RetypeOutcome['changed'], result: ImportResult, kept: string | null): string {
  const what = changed.map((c) => `'${c.column}' is now ${c.to} (was ${c.from})`);
  const v = result.validation;
  const bad = v.issues.filter((i) => i.kind === 'unparsable' && changed.some((c) => c.column === i.column)).reduce((s, i) => s + i.count, 0);
  const policyNote = bad ? ` ${count(bad)} value${bad > 1 ? 's' : ''} did not read: policy '${v.policy}' ${v.policy === 'drop' ? 'dropped their rows' : 'filled them'}.` : '';
  const rowsNote = after.rows !== before.rows ? ` The dataset now has ${count(after.rows)} rows (was ${count(before.rows)}).` : '';
  const paused = registry.store.runs.list().filter((r) => r.datasetId === before.id && (r.status === 'paused' || r.status === 'interrupted'));
  const runs = paused.length
    ? ` Paused run${paused.length > 1 ? 's' : ''} ${list(paused.map((r) => String(r.id)))} resume${paused.length > 1 ? '' : 's'} on the new types (if a change alters a model's inputs, start a new run instead).`
    : ' Paused runs resume on the new types.';
  const keptRuns = kept ? keptRunIds(kept) : [];
  const finished = keptRuns.length
    ? ` Finished run${keptRuns.length > 1 ? 's' : ''} ${list(keptRuns.map(String))} keep${keptRuns.length > 1 ? '' : 's'} ${keptRuns.length > 1 ? 'their' : 'its'} results, and export, Try it and analytics read the data as ${keptRuns.length > 1 ? 'they' : 'it'} trained on it (a copy of the old cache is kept beside the dataset until no run needs it).`
    : ' Finished runs keep their results.';
  return `${what.length ? list(what) : `policy is now '${v.policy}'`}; re-parsed ${count(result.rows)} rows of ${before.sourceName}.${policyNote}${rowsNote}${finished}${runs}`;
}

/**
 * The parse read the lab's copy (`source.csv` beside the cache); its meta keeps the name of the file the user
 * imported, which exported models state as their source (`gatelab.preprocessing` `source.file`).
 */
function keepSourceName(cacheDir: string, name: string): void {
  const path = join(cacheDir, META_FILE);
  const meta = JSON.parse(readFileSync(path, 'utf8')) as DatasetCacheMeta;
  if (!meta.source || meta.source.fileName === name) return;
  writeFileSync(path, JSON.stringify({ ...meta, source: { ...meta.source, fileName: name } }));
}
