// The dataset registry: turns a user's file into a dataset in the store.
//   hash the file (sha256, streamed) -> same hash already registered? that dataset, done
//   -> import into <home>/datasets/<hash>/cache (the importer stages and renames into place)
//   -> copy the source beside it (temp name, then rename) -> insert dataset + columns in ONE transaction.
// The row comes last, so a kill at any point never leaves a row pointing at a missing cache.
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync, statSync, readdirSync } from 'node:fs';
import { basename, extname, join, relative } from 'node:path';
import { randomBytes } from 'node:crypto';
import {
  importFile, ImportError, PARSE_RULES, type ImportHooks, type ImportOptions, type ImportProgressEvent, type ImportResult, type RecordedImportOptions,
} from '../import/index';
import { recordedRules } from '../import/parse-rules';
import type { LabStore, DatasetRecord, ColumnRecord, NewColumn, DamagedRow } from '../store/index';
import type { LabPaths } from '../home';
import type { ColumnRole, DatasetFamily, ColumnTypeName } from '../../../common/data/roles';
import { sha256File } from './file-hash';
import { closestName } from '../../../common/runs/dropped-fields';
import { cacheDamage } from './cache-check';
import { sweepAbandonedImports, sweepScratch } from './sweep';
import { moveAsideForDeletion, putBack, settleInterruptedDeletions } from './deletion-aside';
import { RunFiles } from '../runs/run-files';
import { optionsInForce, parseAsStored, recoverInterruptedRetypes } from './retype';
import { pruneTrainedCaches } from './trained-caches';
import { LabUnavailable } from '../runs/refusal';
import { checkGivenName, freeDerivedName, type NamedDataset } from './dataset-name';
import { withDamagedHolder, type NamedDatasetRow } from './registry-name-holder';
import { unusableImportTarget, unusableTargetMessage } from './target-refusal';
import { cachedColumnValues, ignoredNoteIssue, ignoredOnImport } from './ignored-on-import';

export interface ImportDatasetOptions extends ImportOptions {
  /** Roles (and modality groups) to set on import, by column name. */
  roles?: Record<string, ColumnRole | { role?: ColumnRole; modality?: string }>;
  family?: DatasetFamily;
  description?: string;
  isDemo?: boolean;
  /**
   * Without `name`: the name to start from instead of the file's (the app's upload, whose file is a temp
   * copy). Like the file's name it is a default: taken, the first free '<name> (2)'… is used (dataset-name.ts).
   */
  defaultName?: string;
  onProgress?(p: ImportProgressEvent & { phase: 'hashing' | 'parsing' }): void;
  signal?: AbortSignal;
}

export interface Dataset extends DatasetRecord {
  columns: ColumnRecord[];
  /** Absolute path of the column cache (openDatasetCache reads it). */
  cachePath: string;
}

export interface ImportOutcome {
  dataset: Dataset;
  /** False when the same file (by content) was already a dataset: that one is returned. */
  created: boolean;
  /** Set when that dataset's cache was damaged and has been rebuilt from the file: what was wrong. */
  repaired?: string;
  /** Set when the name derived from the file was taken and another was picked: what to tell the user. */
  nameNote?: string;
}

export class DatasetRegistry {
  constructor(readonly store: LabStore, readonly paths: LabPaths) {}

  /** Removes what killed imports left behind (see sweep.ts). Call once at start-up. */
  sweep(): string[] {
    if (this.store.readOnly) return [];
    return [
      // first: a delete a kill interrupted puts its folder back (row kept) or removes it (row gone)
      ...settleInterruptedDeletions(this.paths, (hash) => this.store.datasets.hasHash(hash)),
      // hasHash reads no JSON: a dataset whose row is damaged keeps its folder, and does not stop the lab opening
      ...sweepAbandonedImports(this.paths.datasets, (hash) => this.store.datasets.hasHash(hash)),
      ...sweepScratch(join(this.paths.home, 'tmp')),
      ...recoverInterruptedRetypes(this),
      // copies of old caches kept for finished runs that have since been deleted
      ...this.list().flatMap((d) => pruneTrainedCaches(this.store, d)),
    ];
  }

  get(id: number): Dataset | undefined {
    const d = this.store.datasets.get(id);
    return d && this.withColumns(d);
  }

  list(): Dataset[] {
    return this.listChecked().datasets;
  }

  /** The datasets a listing can show, and those it left out because their stored JSON is damaged (damaged-rows.ts). */
  listChecked(): { datasets: Dataset[]; damaged: DamagedRow[] } {
    const { records, damaged } = this.store.datasets.listChecked();
    return { datasets: records.map((d) => this.withColumns(d)), damaged };
  }

  /** A dataset by id, or by exact name when `ref` is not a number; throws a message listing what exists. */
  resolve(ref: string | number): Dataset {
    const byId = typeof ref === 'number' || /^\d+$/.test(ref) ? this.get(Number(ref)) : undefined;
    const named = byId ? [] : this.list().filter((d) => d.name === ref);
    // Two imports may share a name (two files called data.csv): picking one silently could train on the wrong one.
    if (named.length > 1) throw new Error(`${named.length} datasets are named '${ref}' (ids ${named.map((d) => d.id).join(', ')}): give the id instead`);
    const found = byId ?? named[0];
    if (!found) {
      const known = this.list().map((d) => `${d.id} (${d.name})`).join(', ') || 'none yet';
      // a slip in a name (`athlete` for `athletes`, another case) is named, after the list it is one of
      const near = typeof ref === 'string' && !/^\d+$/.test(ref) ? closestName(ref, this.list().map((d) => d.name)) : undefined;
      throw new Error(`No dataset '${ref}'. Known datasets: ${known}.${near ? ` Did you mean '${near}'?` : ''} Import one with: gatelab import FILE`);
    }
    return found;
  }

  /**
   * Refuses a change to a lab open read-only (its database failed its start-up check): LabUnavailable, exit 1,
   * with the notice that says what to do, instead of SQLite's "attempt to write a readonly database" halfway.
   * `action` completes "Cannot …" ('import', 'delete a dataset'). Faces that write splits call it too.
   */
  assertWritable(action: string): void {
    if (this.store.readOnly) throw new LabUnavailable(`Cannot ${action}: ${this.store.notice ?? 'the lab database is open read-only'}`);
  }

  async importDataset(sourcePath: string, options: ImportDatasetOptions = {}): Promise<ImportOutcome> {
    this.assertWritable('import');
    const { roles, family, description, isDemo, onProgress, signal, defaultName: startName, ...importOptions } = options;
    if (!existsSync(sourcePath)) throw new ImportError('not_found', `${sourcePath}: no such file`, { file: sourcePath });
    if (!statSync(sourcePath).isFile()) {
      const what = statSync(sourcePath).isDirectory() ? 'is a directory' : 'is not a regular file (a device, pipe or socket)';
      throw new ImportError('not_found', `${sourcePath}: ${what}; import a data file (CSV, TSV, JSON Lines, Parquet, Arrow, .npy)`, { file: sourcePath });
    }
    const bytes = statSync(sourcePath).size;
    onProgress?.({ phase: 'hashing', bytes: 0, totalBytes: bytes, rows: 0, etaSeconds: null });
    const hash = await sha256File(sourcePath, signal, (done) => onProgress?.({ phase: 'hashing', bytes: done, totalBytes: bytes, rows: 0, etaSeconds: null }));
    const existing = this.store.datasets.byHash(hash);
    const dir = join(this.paths.datasets, hash);
    const cachePath = join(dir, 'cache');
    const hooks = { signal, onProgress: (p: ImportProgressEvent) => onProgress?.({ ...p, phase: 'parsing' as const }) };
    if (existing) return this.repairIfDamaged(this.withColumns(existing), sourcePath, hooks);
    // a name the user chose that is taken: refused before the file is read (dataset-name.ts)
    if (importOptions.name !== undefined) importOptions.name = this.checkName(importOptions.name);

    // the reading rules of this importer, recorded so that a later re-parse reads the file the same way; no
    // column is yet read under rules of its own (retype.ts retypedCandidates: a record without the list makes it guess)
    const recorded: RecordedImportOptions = { ...importOptions, parseRules: PARSE_RULES, retypedColumns: [] };
    let result: ImportResult;
    let columns: NewColumn[];
    try {
      mkdirSync(dir, { recursive: true });
      result = await importFile(sourcePath, cachePath, recorded, hooks);
      columns = defaultRoles(result, cachePath, roles);
    } catch (e) {
      this.removeIfUnreferenced(hash);
      throw e;
    }

    const sourceFile = join(dir, `source${extname(sourcePath).toLowerCase()}`);
    copySource(sourcePath, sourceFile, bytes);
    const rel = (p: string) => relative(this.paths.home, p).split('\\').join('/');
    const named = importOptions.name !== undefined ? { name: importOptions.name, note: null } : freeDerivedName(startName ?? defaultName(sourcePath), this.namedDatasets());
    try {
      const id = this.store.datasets.insert(
        {
          name: named.name,
          sourceHash: hash,
          sourceName: basename(sourcePath),
          sourcePath: rel(sourceFile),
          sourceBytes: bytes,
          cacheDir: rel(cachePath),
          format: result.format,
          encoding: result.encoding ?? null,
          delimiter: result.delimiter ?? null,
          hasHeader: result.hasHeader ?? null,
          rows: result.rows,
          importOptions: { ...recorded },
          validation: result.validation,
          family: family ?? null,
          description: description ?? null,
          isDemo: isDemo ?? false,
        },
        columns,
      );
      return { dataset: this.get(id)!, created: true, ...(named.note ? { nameNote: named.note } : {}) };
    } catch (e) {
      // Another process registered the same file between our check and our insert: it is one dataset.
      const winner = this.store.datasets.byHash(hash);
      if (winner) return { dataset: this.withColumns(winner), created: false };
      throw e;
    }
  }

  /** Sets roles, modality groups and type overrides; unknown columns are refused by name. */
  setColumns(datasetId: number, changes: Array<{ column: string; role?: ColumnRole; modality?: string | null; typeOverride?: ColumnTypeName | null }>): Dataset {
    this.assertWritable('change column roles');
    const d = this.resolve(datasetId);
    // a datetime, vector, empty or constant column is refused as the target, in every face's words (target-refusal.ts)
    const refused = unusableTargetMessage(d, changes);
    if (refused) throw new RoleError(refused);
    // One target per dataset, kept here for every face: a new target demotes the previous one to a feature
    // (two quick role changes in the app could otherwise both stand, each computed from the old roles).
    const newTarget = changes.some((c) => c.role === 'target');
    const demoted = newTarget
      ? d.columns.filter((c) => c.role === 'target' && !changes.some((x) => x.column === c.name)).map((c) => ({ column: c.name, role: 'feature' as const }))
      : [];
    this.store.datasets.setRoles(datasetId, [...changes, ...demoted]);
    return this.get(datasetId)!;
  }

  /**
   * Deletes the dataset: its folder is moved aside, the row goes (its splits and pipelines cascade), then the files. Refused while a run waits
   * for it or a live trainer reads it: the run would fail mid-epoch with its data gone. Finished runs keep
   * their metrics and checkpoints (they only lose resume, Try it and analytics on this data).
   * A run of this dataset whose stored row is damaged also refuses it (damagedRunsOf says why).
   */
  delete(datasetId: number): void {
    this.assertWritable('delete a dataset');
    const d = this.toDelete(datasetId);
    const damaged = this.damagedRunsOf(d.id);
    if (damaged.length) {
      const which = damaged.map((r) => `run ${r.id} (its stored ${r.column} is damaged)`).join(', ');
      throw new Error(`dataset ${d.id} '${d.name}' is used by ${which}: the lab cannot tell whether ${damaged.length > 1 ? 'they' : 'it'} still ${damaged.length > 1 ? 'need' : 'needs'} this data, so the dataset is kept (gatelab show ${damaged[0].id} says what is damaged and how to restore it)`);
    }
    const busy = this.busyRuns(d.id);
    if (busy.length) {
      const which = busy.map((r) => `run ${r.id} (${r.status})`).join(', ');
      throw new Error(`dataset ${d.id} '${d.name}' is in use by ${which}: cancel ${busy.length > 1 ? 'them' : 'it'} (gatelab cancel ${busy[0].id}) or wait until ${busy.length > 1 ? 'they end' : 'it ends'}, then delete the dataset`);
    }
    // the folder leaves datasets/ first: a kill before the row goes must not leave a folder the start-up
    // warning asks the user to import again (deletion-aside.ts)
    const aside = moveAsideForDeletion(this.paths, d.sourceHash);
    try {
      this.store.datasets.delete(d.id);
    } catch (e) {
      // the row stays: the folder goes back (a failure to put it back must not hide why the delete failed;
      // the next start settles the folder, deletion-aside.ts)
      if (aside) try { putBack(this.paths, d.sourceHash, aside); } catch { /* settled at the next start */ }
      throw e;
    }
    rmSync(aside ?? join(this.paths.datasets, d.sourceHash), { recursive: true, force: true });
  }

  /**
   * The dataset a delete removes: resolved as usual, or, when its own stored row is damaged (resolve would
   * throw reading it), its plain columns: the id, the name its messages say and the hash that names its folder.
   * Deleting is the way out the lab offers for such a row (registry-name-holder.ts), so it must not read it.
   */
  private toDelete(datasetId: number): Pick<Dataset, 'id' | 'name' | 'sourceHash'> {
    const damaged = this.store.datasets.listChecked().damaged.some((d) => d.id === datasetId);
    const plain = damaged ? this.store.datasets.plainColumns(datasetId) : undefined;
    return plain ?? this.resolve(datasetId);
  }

  /** Runs that wait for this dataset (queued) or that a live trainer is training on it now. */
  busyRuns(datasetId: number): Array<{ id: number; status: string }> {
    const files = new RunFiles(this.paths.checkpoints, this.paths.home);
    return this.store.runs.listChecked().records.filter((r) => r.datasetId === datasetId && (r.status === 'queued' || (r.status === 'running' && files.liveOwner(r.id) !== null)));
  }

  /**
   * Runs on this dataset whose stored row is damaged (listChecked leaves them out of busyRuns). Treated as busy
   * whatever their status, conservatively: what they are cannot be read, and once repaired they would have lost
   * their data. Their dataset_id is a plain column, read without the JSON that is damaged.
   */
  private damagedRunsOf(datasetId: number): Array<{ id: number; column: string }> {
    const { damaged } = this.store.runs.listChecked();
    if (!damaged.length) return [];
    return damaged.filter((r) => this.store.runs.plainColumns(r.id)?.datasetId === datasetId);
  }

  /**
   * Every dataset's id and name, those whose row is damaged included (listChecked leaves them out of list()):
   * their name stays taken, conservatively, so that once repaired no two datasets share a name. The name is a
   * plain column (nameOf reads it without the JSON that is damaged); `damaged` says which column is.
   */
  private namedDatasets(): NamedDatasetRow[] {
    const { records, damaged } = this.store.datasets.listChecked();
    if (!damaged.length) return records;
    return [...records, ...damaged.flatMap((d) => {
      const name = this.store.datasets.nameOf(d.id);
      return name === undefined ? [] : [{ id: d.id, name, damaged: d.column }];
    })];
  }

  /**
   * A name the user chose, refused when another dataset has it (dataset-name.ts); when that dataset's row is
   * damaged the refusal names the ways out that work for it (registry-name-holder.ts).
   */
  private checkName(given: string, renaming?: NamedDataset): string {
    const named = this.namedDatasets();
    try {
      return checkGivenName(given, named, renaming);
    } catch (e) {
      throw withDamagedHolder(e, named);
    }
  }

  /**
   * Renames a dataset (trimmed, 1-120 characters). A name another dataset has is refused (DatasetNameTaken,
   * naming that dataset), as for `import --name`: commands that take a name would no longer know which.
   */
  rename(datasetId: number, name: string): { dataset: Dataset } {
    this.assertWritable('rename');
    const d = this.resolve(datasetId);
    const trimmed = name.trim();
    if (trimmed.length === 0 || trimmed.length > 120) throw new Error(`a dataset name has 1 to 120 characters (got ${trimmed.length}); dataset ${d.id} keeps the name '${d.name}'`);
    this.checkName(trimmed, d);
    this.store.datasets.rename(d.id, trimmed);
    return { dataset: this.get(d.id)! };
  }

  /**
   * The same bytes again: the dataset they already are. When its cache is damaged (a column file cut short
   * or missing, meta.json unreadable) the cache is rebuilt in place from this file with the options the
   * dataset was parsed with (its import options and the types set since), so its id, roles, splits and runs
   * stay valid; `repaired` says what was wrong.
   */
  private async repairIfDamaged(d: Dataset, sourcePath: string, hooks: ImportHooks): Promise<ImportOutcome> {
    const damage = cacheDamage(d.cachePath, d.rows);
    if (!damage) return { dataset: d, created: false };
    // how it was read: the recorded rules and typed columns or, for an older record, those that give back its
    // columns, rows and column stats (parseAsStored), so the rebuilt cache is the one it had
    const found = await parseAsStored(d, sourcePath, optionsInForce(d), hooks);
    if ('tried' in found) {
      // nothing matched: the damaged cache stays where it is, never replaced by one holding other values
      throw new Error(`dataset ${d.id} '${d.name}': its cache was damaged (${damage}), and parsing ${basename(sourcePath)} again does not give back its ${d.columns.map((c) => `${c.name}:${c.type}`).join(', ')} (${d.rows.toLocaleString('en-US')} rows) as stored: ${found.tried}. Nothing was changed: the damaged cache is kept as it is. Delete it (gatelab datasets delete ${d.id}) and import the file again`);
    }
    // the damaged cache goes only now, for a parse known to match
    rmSync(d.cachePath, { recursive: true, force: true });
    renameSync(found.dir, d.cachePath);
    // an older record learns how it was read, so the next re-parse need not find out again, and the long-format
    // reading the rebuilt cache's report holds (the app then reads the times the lab's pivot counts)
    const reading = found.result.validation.longFormat, learnsReading = reading !== undefined && !Object.hasOwn(Object(d.validation), 'longFormat');
    if (!recordedRules(d.importOptions) || !Object.hasOwn(d.importOptions, 'retypedColumns') || learnsReading) {
      const columns = d.columns.map((c) => ({ name: c.name, inferredType: c.inferredType, typeOverride: c.typeOverride, stats: c.stats }));
      const validation = learnsReading ? { ...Object(d.validation), longFormat: reading } : d.validation;
      this.store.datasets.replaceParse(d.id, { rows: d.rows, validation, importOptions: { ...d.importOptions, parseRules: found.rules, retypedColumns: found.retyped } }, columns);
    }
    copySource(sourcePath, join(this.paths.home, d.sourcePath), d.sourceBytes);
    return { dataset: this.get(d.id)!, created: false, repaired: `the cache of dataset ${d.id} '${d.name}' was damaged (${damage}): rebuilt it from ${basename(sourcePath)}, keeping its id, roles, splits and runs` };
  }

  private withColumns(d: DatasetRecord): Dataset {
    return { ...d, columns: this.store.datasets.columns(d.id), cachePath: join(this.paths.home, d.cacheDir) };
  }

  private removeIfUnreferenced(hash: string): void {
    const dir = join(this.paths.datasets, hash);
    if (this.store.datasets.byHash(hash)) return;
    // Only when nothing else is in flight there (another import of the same file may be running).
    const busy = existsSync(dir) && readdirSync(dir).some((n) => /\.(importing|copying)-/.test(n));
    if (!busy) rmSync(dir, { recursive: true, force: true });
  }
}

/** The original beside the cache (temp name, then rename), unless a whole copy is already there. */
function copySource(sourcePath: string, sourceFile: string, bytes: number): void {
  if (existsSync(sourceFile) && statSync(sourceFile).size === bytes) return;
  const temp = `${sourceFile}.copying-${process.pid}-${randomBytes(4).toString('hex')}`;
  copyFileSync(sourcePath, temp);
  renameSync(temp, sourceFile);
}

// 'ETTh1.csv' -> 'ETTh1', but 'u.data' stays 'u.data' (its extension is part of the name people know).
// A gzipped file is named as its contents would be: 'eu.csv.gz' -> 'eu', like 'eu.csv'.
const DATA_EXTENSIONS = new Set(['.csv', '.tsv', '.txt', '.jsonl', '.ndjson', '.json', '.parquet', '.arrow', '.feather', '.ipc', '.npy']);
export function defaultName(path: string): string {
  const file = basename(path);
  const inner = /\.gz$/i.test(file) && file.length > 3 ? file.slice(0, -3) : file;
  const ext = extname(inner);
  return DATA_EXTENSIONS.has(ext.toLowerCase()) ? inner.slice(0, -ext.length) : inner;
}

/** A role was given for a column the file does not have: the user's input, not the file, is wrong. */
export class RoleError extends Error {
  override name = 'RoleError';
}

/**
 * Roles on import: the caller's, else the first datetime column not ignored is the time index, a saved row number and the
 * parts of a composed time are ignored (ignored-on-import.ts reads a candidate counter's values from `cachePath`; the import's report gets their notes), the rest features.
 */
function defaultRoles(result: ImportResult, cachePath: string, roles: ImportDatasetOptions['roles'] = {}): NewColumn[] {
  const names = new Set(result.columns.map((c) => c.name));
  for (const name of Object.keys(roles)) {
    if (!names.has(name)) throw new RoleError(`A role was given for column '${name}', which the file does not have (columns: ${[...names].join(', ')})`);
  }
  // `gatelab import FILE --target date`: refused as a role set later is (target-refusal.ts); nothing is kept
  const refused = unusableImportTarget(result, roles);
  if (refused) throw new RoleError(refused);
  let timeTaken = Object.values(roles).some((r) => (typeof r === 'string' ? r : r.role) === 'time');
  const ignored = ignoredOnImport(result, cachedColumnValues(cachePath));
  return result.columns.map((c) => {
    const given = roles[c.name];
    const spec = typeof given === 'string' ? { role: given } : given ?? {};
    let role: ColumnRole = spec.role ?? 'feature';
    // a date a time column was composed of (date-hour-time.ts) is no time index: the composed column after it is
    if (!given && c.type === 'datetime' && !timeTaken && !ignored.has(c.name)) { role = 'time'; timeTaken = true; }
    if (!given && ignored.has(c.name)) {
      role = 'ignore';
      const note = ignored.get(c.name);
      if (note) result.validation.issues.push(ignoredNoteIssue(c.name, note, result.rows));
    }
    return { name: c.name, inferredType: c.type as ColumnTypeName, stats: { ...c.stats, dtype: c.dtype, dim: c.dim }, role, modality: spec.modality ?? null };
  });
}
