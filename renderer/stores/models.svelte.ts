// The model builder's state: templates and gate kinds from the lab, the chosen template and its
// config (each family tab keeps its own for the session: models-family-memory.ts), the selected gate, seeds,
// and live validation (models-validation.ts), so a bad field is named before anything is sent. "New run
// from this" (Runs) fills it from a stored run (openRun, read by models-open-run.ts).
import { LabError, type DatasetDetail, type Family, type GateKind, type LabApi, type SplitInfo, type Template } from '../../common/lab-api';
import { splitProblem } from '../lib/split-kinds';
import type { JsonSchema } from '../lib/json-schema';
import { TrainingSettings } from './run-form';
import { childRunName } from '../lib/run-label';
import { childChangeWords, formRunName } from '../lib/gate-words';
import { DATA_FIELDS, dataShapeOf } from '../lib/data-shape';
import { familyForDataset } from './models-family';
import { ModelSize } from './model-size.svelte';
import { invalidFields, problemsOf, schemaOf, seedsProblem, TRAINING_SCHEMA, validateConfig } from './models-validation';
import { DEFAULT_SEEDS, freshForm, pageFormStorage, readForm, writeForm, type StoredForm } from './models-form-memory';
import { seedsOfGroup } from './run-group-seeds';
import { FamilyMemory } from './models-family-memory';
import { configWithDataShape } from './config-data-shape';
import { openedRun } from './models-open-run';

// (the view and the tests import these from here, as before the split)
export { invalidFields, MAX_SEEDS, seedsProblem, TRAINING_SCHEMA, validateConfig, type InvalidField } from './models-validation';
export { TrainingSettings };
export { seedsOfGroup };

export class ModelsStore {
  templates = $state<Template[]>([]);
  gateKinds = $state<GateKind[]>([]);
  error = $state<LabError | null>(null);
  family = $state<Family>('forecasting');
  templateId = $state<string | null>(null);
  config = $state<Record<string, unknown>>({});
  selectedGate = $state<string | null>(null);
  seeds = $state<number | null>(DEFAULT_SEEDS);
  seedsError = $derived(seedsProblem(this.seeds));
  /** The run name the user typed; empty: `defaultName`. */
  name = $state('');
  training = $state<Record<string, unknown>>(TrainingSettings.parse({}) as Record<string, unknown>);
  trainingErrors = $derived.by(() => {
    const r = TrainingSettings.safeParse(this.training);
    return r.success ? {} : problemsOf(r.error.issues, TRAINING_SCHEMA as JsonSchema, this.training);
  });
  datasetId = $state<string | null>(null);
  /**
   * The dataset the form was on, or the address named (#/models/ID), that the lab no longer has (deleted):
   * the view says so instead of keeping a choice Start could only be refused on; null once another is adopted.
   */
  goneDataset = $state<{ id: string; name: string | null } | null>(null);
  /** The dataset the runs will train on; the data-shaped config fields (DATA_FIELDS) come from it. */
  dataset = $state<DatasetDetail | null>(null);
  /** The template's parameters and FLOPs per step for the form's settings, as the lab measures them. */
  private readonly sizing: ModelSize;
  get size() { return this.sizing.size; }
  get sizeError() { return this.sizing.error; }
  startError = $state<LabError | null>(null);
  /** The template fields and Training settings Start was refused with (the view shows the refusal's advice by a field until it changes). */
  startRefusedWith = $state<Record<string, unknown> | null>(null);
  /** What Start was refused for as a whole (template, dataset, split, seeds, settings): startErrorStale compares it. */
  private startRefusedKey = $state<string | null>(null);
  /** The form as one string: what a Start now would send (the run name aside, which no refusal is about). */
  private attemptKey(): string {
    return JSON.stringify([this.templateId, this.datasetId, this.splitId, this.seeds, $state.snapshot(this.config), $state.snapshot(this.training)]);
  }
  /**
   * Whether the Start error is about settings the user has changed since (lookback 336 → 52): the bar marks it
   * as the previous attempt's, so it is not read as the verdict on what the form holds now.
   */
  startErrorStale = $derived(this.startError !== null && this.startRefusedKey !== null && this.startRefusedKey !== this.attemptKey());
  starting = $state(false);
  /**
   * The last Start's runs and what the lab's checks said about their data without refusing it ("only 27
   * validation windows…"), or null when it said nothing: the launch bar shows them, and stays, instead of
   * going to Runs, so they are read before the runs' results are; with the dataset and template they are about (the bar hides them on others).
   */
  startWarnings = $state<{ runIds: string[]; warnings: string[]; datasetId?: string | null; templateId?: string | null } | null>(null);
  /** Stored splits of the chosen dataset (the Split select); `splitId`: the one runs train on, null: the family's default. */
  splits = $state<SplitInfo[]>([]);
  splitId = $state<string | null>(null);

  template = $derived(this.templates.find((t) => t.id === this.templateId) ?? null);
  errors = $derived(validateConfig(this.templateId, this.config));
  valid = $derived(Object.keys(this.errors).length === 0 && Object.keys(this.trainingErrors).length === 0);
  /** The invalid fields in page order (the launch bar says how many and names the first). */
  invalid = $derived(invalidFields(this.errors, this.trainingErrors, this.template?.gates ?? [], this.selectedGate, this.templateId ? schemaOf(this.templateId) : null));
  /** Whether `size` was measured for settings that are no longer the current ones (the form is invalid now). */
  sizeStale = $derived(!this.valid && this.size !== null);
  inFamily = $derived(this.templates.filter((t) => t.family === this.family).sort((a, b) => Number(b.baseline) - Number(a.baseline)));

  /**
   * "tsmixer-gated · hard gate on Demo: grid load": what the gates change from the template's defaults is
   * in the name, so runs that differ only in their gates tell apart in the run list and in Compare.
   * A "New run from this" child (the form still holds its parent's template) is named by what the user
   * changed: "tsmixer-gated on loads · granularity=element", not a second run with its parent's name.
   */
  defaultName = $derived.by(() => {
    if (!this.templateId) return '';
    const from = this.fromRun;
    if (from?.settings && from.settings.template === this.templateId) {
      const now = { ...$state.snapshot(this.config), ...$state.snapshot(this.training), ...(this.datasetId !== from.settings.datasetId && this.dataset ? { dataset: this.dataset.name } : {}) };
      return childRunName(from.name, childChangeWords(this.templateId, from.settings.values, now));
    }
    return formRunName(this.templateId, $state.snapshot(this.config), this.dataset && this.dataset.id === this.datasetId ? this.dataset.name : null);
  });

  /** The dataset of the form read back after a reload, until the lab has it (else the form is dropped: forgetDataset). */
  private restoredDataset: string | null = null;
  /** `storage`: where the form outlives a reload of the window (models-form-memory.ts); null: nowhere. */
  constructor(private readonly lab: LabApi, storage: Storage | null = pageFormStorage()) {
    const stored = readForm(storage);
    if (stored) { Object.assign(this, stored); this.restoredDataset = stored.datasetId; }
    if (storage) $effect.root(() => { $effect(() => writeForm(storage, this.form())); });
    this.sizing = new ModelSize(lab, () => (this.templateId && this.valid ? { template: this.templateId, config: { ...$state.snapshot(this.config), batchSize: this.training.batchSize } } : null));
    // Roles edited elsewhere (Datasets, another window, the CLI) change the chosen dataset's data shape:
    // the form follows them as it does when the dataset is picked.
    lab.on('datasets.changed', ({ id }) => {
      if (this.datasetId && (id === null || id === this.datasetId)) void this.reloadDataset();
    });
  }

  /** What a reload keeps (writeForm's JSON.stringify reads every field of it: the effect follows them all). */
  private form = (): StoredForm => ({ family: this.family, templateId: this.templateId, datasetId: this.datasetId, splitId: this.splitId, config: this.config, training: this.training, seeds: this.seeds ?? null, selectedGate: this.selectedGate, name: this.name });

  /** The templates and gate kinds being read (the view and a reconnect may both ask at once: one read). */
  private loading: Promise<void> | null = null;

  /** Whether anything asked for the templates yet (the Models view, New run from this): a reconnect reads them again only then. */
  private wanted = false;

  load(): Promise<void> {
    this.wanted = true;
    this.loading ??= this.readTemplates().finally(() => (this.loading = null));
    return this.loading;
  }

  private async readTemplates(): Promise<void> {
    try {
      [this.templates, this.gateKinds] = await Promise.all([this.lab.invoke('templates.list', {}), this.lab.invoke('gates.list', {})]);
      this.error = null;
      // a dataset adopted before the templates came could not switch the family yet (adoptDataset)
      if (!this.templateId && !this.opening && this.dataset) this.family = familyForDataset(this.dataset, this.family);
      // none chosen yet, or the chosen one is gone (a lab of another version came back after a restart)
      const known = this.templates.some((t) => t.id === this.templateId);
      if (!known && !this.opening) this.chooseFamilyDefault();
      else if (this.template && !this.template.gates.includes(this.selectedGate ?? '')) this.selectedGate = this.template.gates[0] ?? null; // (a gate read back after a reload that the template no longer has)
    } catch (e) {
      this.error = LabError.from(e);
    }
  }

  /**
   * Reads again from the lab what the form was built from (once the form was opened), keeping what the
   * user typed: after the lab comes back (serve restarted, the socket reconnected) its templates and gate
   * kinds, the chosen dataset (roles edited meanwhile in the CLI or another window) and its splits may
   * have changed, and the events that said so were lost with the socket.
   */
  async refresh(): Promise<void> {
    if (!this.wanted) return; // the Models view reads them when first opened
    await this.load();
    await this.reloadDataset();
  }

  /** The chosen dataset and its splits as the lab has them now; a dataset deleted meanwhile is no longer chosen. */
  private async reloadDataset(): Promise<void> {
    const id = this.datasetId;
    if (!id) return;
    let gone = false;
    const [d] = await Promise.all([
      this.lab.invoke('datasets.get', { id }).catch((e: unknown) => ((gone = LabError.from(e).code === 'not-found'), null)),
      this.loadSplits(id),
    ]);
    if (this.datasetId !== id) return; // another dataset was picked meanwhile
    if (d) this.adoptDataset(d);
    else if (gone) this.forgetDataset(id); // the view picks another (Models' dataset select), as for a first visit
    void this.measure();
  }

  /**
   * Dataset `id` is gone from the lab (deleted): it is no longer chosen, nor are its splits, and `goneDataset`
   * says which it was. Nothing else is picked here: the view decides (the address named it: no selection).
   */
  forgetDataset(id: string): void {
    if (this.datasetId !== null && this.datasetId !== id) return; // another dataset was picked meanwhile
    this.goneDataset = { id, name: this.dataset?.id === id ? this.dataset.name : null };
    this.datasetId = null;
    this.dataset = null;
    this.splits = [];
    this.splitId = null;
    if (this.restoredDataset !== id) return;
    this.restoredDataset = null; // the form read back after a reload was for this dataset: it goes with it
    Object.assign(this, freshForm());
    this.familyMemory.clear();
    if (this.templates.length) this.chooseFamilyDefault();
  }

  /** What each family tab held when the user left it (models-family-memory.ts). */
  private readonly familyMemory = new FamilyMemory<NonNullable<ModelsStore['fromRun']>>();

  /** Switches the family tab: back to the template and fields it held when left, else its first gated template. */
  setFamily(f: Family): void {
    if (f === this.family && this.templateId) return; // the tab in use: nothing to switch (its edits stay)
    this.leaveFamily(f);
    const kept = this.familyMemory.recall(f, this.templates);
    if (!kept) return this.chooseFamilyDefault();
    this.name = kept.name; // (the data-shaped fields follow the dataset chosen now: fill)
    this.fill(kept.templateId, kept.config, kept.selectedGate);
    this.fromRun = kept.fromRun;
  }

  /** Keeps the tab's form as it is left for family `f` (openRun leaves it too when the run is of another family). */
  private leaveFamily(f: Family): void {
    if (this.templateId && f !== this.family) {
      const fromRun = $state.snapshot(this.fromRun);
      this.familyMemory.keep(this.family, { templateId: this.templateId, config: $state.snapshot(this.config), selectedGate: this.selectedGate, name: this.name, fromRun });
    }
    this.family = f;
  }

  /** The family's first gated template (its baseline when it has no other), with its defaults. */
  private chooseFamilyDefault(): void {
    this.choose(this.inFamily.find((t) => !t.baseline)?.id ?? this.inFamily[0]?.id ?? null);
  }

  choose(id: string | null): void {
    // A typed name was for the runs of the template it was typed with: a new template gets the automatic one.
    if (id !== this.templateId) this.name = '';
    const t = this.templates.find((x) => x.id === id);
    this.fill(id, t ? $state.snapshot(t.defaults) : {}, t?.gates[0] ?? null);
    this.fromRun = null; // the form no longer holds that run's settings
  }

  private fill(id: string | null, config: Record<string, unknown>, gate: string | null): void {
    this.templateId = id;
    const t = this.template;
    // forecasting trains only on splits by time: a random split picked for another family goes back to the default
    const split = this.splits.find((s) => s.id === this.splitId);
    if (split && t && splitProblem(t.family, split.kind)) this.splitId = null;
    this.config = config;
    this.sizing.size = null; // the previous template's size until this one's is measured would be wrong
    this.selectedGate = gate;
    this.applyDataShape();
    void this.measure();
  }

  /**
   * An edit of the form. The data-shaped fields follow it: a fusion modality's width depends on the form's
   * textBuckets and maxCategories, and a router kind switched in MoE fusion comes with its own expert count.
   */
  setConfig(next: Record<string, unknown>): void {
    this.config = this.withDataShape(next);
    this.measureSoon();
  }

  /** The batch size is part of FLOPs per step: training edits re-measure too. */
  setTraining(next: Record<string, unknown>): void {
    this.training = next;
    this.measureSoon();
  }

  /** The chosen dataset's shape for the template's family (null: no dataset or no template yet). */
  dataShape = $derived(this.dataset && this.template ? dataShapeOf(this.template.family, this.dataset, this.template.id, this.config) : null);
  /**
   * Why runs cannot start on the chosen dataset with this template (its roles give no data shape for the
   * family), or null. Start stays off and the diagram and size say nothing about data shapes meanwhile:
   * the template's defaults (e.g. MovieLens' 6 fields) are not what would be trained.
   */
  dataProblem = $derived(this.dataShape?.problem ?? null);
  /** Why this template cannot train on the dataset although its family can (MMoE needs a rating), or null: Start stays off. */
  templateProblem = $derived(this.dataShape?.templateProblem ?? null);
  /** Config fields the trainer overwrites from the dataset: the form shows them, read-only. */
  dataFields = $derived(this.template ? DATA_FIELDS[this.template.family] : []);

  adoptDataset(d: DatasetDetail): void {
    const changed = this.dataset?.id !== d.id;
    this.goneDataset = null;
    if (changed && this.dataset) this.name = ''; // (the first dataset of a session keeps what was typed)
    if (changed) this.splitId = null; // a split belongs to its dataset
    this.dataset = d;
    // A dataset made for another family (the demos say which), or one that can feed only another family
    // (a series with a date and no target opened while the CTR tab was in use), switches the family with it.
    // (the dataset of a form read back after a reload keeps the form's family: the user chose it)
    const family = changed && d.id !== this.restoredDataset ? familyForDataset(d, this.family) : this.family;
    this.restoredDataset = null;
    if (family !== this.family && this.templates.length) this.setFamily(family);
    else this.applyDataShape();
  }

  private applyDataShape(): void {
    const next = this.withDataShape(this.config);
    if (next === this.config) return;
    this.config = next;
    this.measureSoon();
  }

  /** `config` with the fields the chosen dataset decides (config-data-shape.ts). */
  private withDataShape = (config: Record<string, unknown>) => configWithDataShape(this.template, this.dataset, config);

  /** Reads the stored splits of dataset `id`; a chosen split that is gone goes back to the family's default. */
  async loadSplits(id: string): Promise<void> {
    const list = await this.lab.invoke('splits.list', { datasetId: id }).catch(() => [] as SplitInfo[]);
    if (this.datasetId !== id) return; // a slower answer for a dataset picked before
    this.splits = list;
    if (this.splitId && !list.some((s) => s.id === this.splitId)) this.splitId = null;
  }

  /** The run whose settings fill the form ("New run from this"), with a note when not all of them could be kept. */
  /** settings: the parent's template, dataset and form values as opened (what the child's automatic name compares with). */
  fromRun = $state<{ id: string; name: string; note: string | null; settings?: { template: string; datasetId: string | null; values: Record<string, unknown> } } | null>(null);
  private opening = false;

  /**
   * Fills the form with run `id`'s template, dataset, template fields and Training settings (any status,
   * failed ones included), so a user changes one field and starts again. The data-shaped fields follow the
   * dataset as it is now. A deleted dataset leaves the current choice, with a note saying so.
   */
  async openRun(id: string): Promise<void> {
    this.opening = true;
    try {
      if (!this.templates.length) await this.load();
      const opened = await openedRun(this.lab, id, this.templates, this.dataset);
      const t = opened.template;
      this.leaveFamily(t.family);
      this.templateId = t.id;
      this.config = { ...$state.snapshot(t.defaults), ...opened.fields };
      this.training = opened.training;
      this.selectedGate = t.gates[0] ?? null;
      this.name = '';
      this.sizing.size = null;
      if (opened.dataset) {
        this.dataset = opened.dataset;
        this.datasetId = opened.dataset.id;
      }
      if (opened.splits) this.splits = opened.splits;
      this.splitId = opened.splitId;
      this.seeds = opened.seeds;
      this.error = null;
      this.applyDataShape();
      // after the data-shaped fields are filled: the child's name compares with what the form shows now
      const values = { ...$state.snapshot(this.config), ...$state.snapshot(this.training) };
      this.fromRun = { id, name: opened.name, note: opened.note, settings: { template: t.id, datasetId: opened.datasetId, values } };
      void this.measure();
    } catch (e) {
      this.error = LabError.from(e);
      if (!this.templateId) this.chooseFamilyDefault(); // the form must not stay empty
    } finally {
      this.opening = false;
    }
  }

  /** Flips a gate's `enabled` (the ablation switch) without losing its settings. */
  toggleGate(field: string): void {
    const g = (this.config[field] ?? {}) as Record<string, unknown>;
    this.setConfig({ ...this.config, [field]: { ...g, enabled: g.enabled === false } });
  }

  /** Measures the size after a short pause without further edits (model-size.svelte.ts). */
  measureSoon(): void {
    this.sizing.soon();
  }

  measure(): Promise<void> {
    return this.sizing.now();
  }

  async start(): Promise<string[] | null> {
    if (!this.templateId || !this.datasetId || !this.valid || this.seedsError || this.seeds === null || this.dataProblem || this.templateProblem) return null;
    this.starting = true;
    this.startWarnings = null;
    try {
      const config: Record<string, unknown> = { ...$state.snapshot(this.config), ...$state.snapshot(this.training) };
      if (this.splitId) config.data = { splitId: Number(this.splitId) };
      const name = (this.name.trim() || this.defaultName).slice(0, 200);
      const r = await this.lab.invoke('runs.start', { template: this.templateId, datasetId: this.datasetId, config, seeds: this.seeds, name });
      this.startError = null;
      this.startRefusedWith = null;
      this.startRefusedKey = null;
      this.name = ''; // the typed name named these runs; the next ones get the automatic name again
      this.fromRun = null; // what the form holds is now these runs' settings
      this.startWarnings = r.warnings?.length ? { runIds: r.runIds, warnings: r.warnings, datasetId: this.datasetId, templateId: this.templateId } : null;
      return r.runIds;
    } catch (e) {
      this.startError = LabError.from(e);
      this.startRefusedWith = { ...$state.snapshot(this.config), ...$state.snapshot(this.training) };
      this.startRefusedKey = this.attemptKey();
      return null;
    } finally {
      this.starting = false;
    }
  }
}
