// The model builder's state: templates and gate kinds from the lab, the chosen template and its
// config, the selected gate, seeds, and live validation with the zod schemas of common/models
// (the same ones the lab checks with), so a bad field is named before anything is sent.
import { LabError, type DatasetDetail, type Family, type GateKind, type LabApi, type Template } from '../../common/lab-api';
import { z } from 'zod';
import { ModelConfig } from '../../common/models';
import { RunConfig } from '../../common/runs/config';

/** The run settings the builder offers (the rest of RunConfig keeps its defaults). */
export const TrainingSettings = RunConfig.pick({ epochs: true, batchSize: true, maxSteps: true, optimizer: true, schedule: true, earlyStopping: true });
export const TRAINING_SCHEMA = z.toJSONSchema(TrainingSettings, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;

export function validateConfig(template: string | null, config: Record<string, unknown>): Record<string, string> {
  if (!template) return {};
  const r = ModelConfig.safeParse({ ...config, template });
  if (r.success) return {};
  const out: Record<string, string> = {};
  for (const i of r.error.issues) out[i.path.map(String).join('.') || '(config)'] ??= i.message;
  return out;
}

export class ModelsStore {
  templates = $state<Template[]>([]);
  gateKinds = $state<GateKind[]>([]);
  error = $state<LabError | null>(null);
  family = $state<Family>('forecasting');
  templateId = $state<string | null>(null);
  config = $state<Record<string, unknown>>({});
  selectedGate = $state<string | null>(null);
  seeds = $state(3);
  training = $state<Record<string, unknown>>(TrainingSettings.parse({}) as Record<string, unknown>);
  trainingErrors = $derived.by(() => {
    const r = TrainingSettings.safeParse(this.training);
    return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [i.path.join('.'), i.message]));
  });
  datasetId = $state<string | null>(null);
  size = $state<{ params: number; flopsPerStep: number } | null>(null);
  sizeError = $state<LabError | null>(null);
  startError = $state<LabError | null>(null);
  starting = $state(false);

  template = $derived(this.templates.find((t) => t.id === this.templateId) ?? null);
  errors = $derived(validateConfig(this.templateId, this.config));
  valid = $derived(Object.keys(this.errors).length === 0 && Object.keys(this.trainingErrors).length === 0);
  inFamily = $derived(this.templates.filter((t) => t.family === this.family).sort((a, b) => Number(b.baseline) - Number(a.baseline)));

  constructor(private readonly lab: LabApi) {}

  async load(): Promise<void> {
    try {
      [this.templates, this.gateKinds] = await Promise.all([this.lab.invoke('templates.list', {}), this.lab.invoke('gates.list', {})]);
      this.error = null;
      if (!this.templateId) this.choose(this.inFamily.find((t) => !t.baseline)?.id ?? this.inFamily[0]?.id ?? null);
    } catch (e) {
      this.error = LabError.from(e);
    }
  }

  setFamily(f: Family): void {
    this.family = f;
    this.choose(this.inFamily.find((t) => !t.baseline)?.id ?? this.inFamily[0]?.id ?? null);
  }

  choose(id: string | null): void {
    this.templateId = id;
    const t = this.template;
    this.config = t ? $state.snapshot(t.defaults) : {};
    this.selectedGate = t?.gates[0] ?? null;
    this.applyDataShape();
    void this.measure();
  }

  setConfig(next: Record<string, unknown>): void {
    this.config = next;
    void this.measure();
  }

  /** The dataset the runs will train on; forecasting configs take their channel count from it. */
  dataset = $state<DatasetDetail | null>(null);

  adoptDataset(d: DatasetDetail): void {
    const changed = this.dataset?.id !== d.id;
    this.dataset = d;
    // A dataset made for another family (the demos say which) switches the template family with it.
    if (changed && d.family && d.family !== this.family && this.templates.length) this.setFamily(d.family as Family);
    else this.applyDataShape();
  }

  private applyDataShape(): void {
    const d = this.dataset;
    if (!d || this.template?.family !== 'forecasting') return;
    const channels = d.columnInfo.filter((c) => (c.type === 'float' || c.type === 'int') && (c.role === 'feature' || c.role === 'target')).length;
    if (channels > 0 && this.config.channels !== channels) this.setConfig({ ...this.config, channels });
  }

  /** Flips a gate's `enabled` (the ablation switch) without losing its settings. */
  toggleGate(field: string): void {
    const g = (this.config[field] ?? {}) as Record<string, unknown>;
    this.setConfig({ ...this.config, [field]: { ...g, enabled: g.enabled === false } });
  }

  async measure(): Promise<void> {
    if (!this.templateId || !this.valid) return;
    try {
      const config = { ...$state.snapshot(this.config), batchSize: this.training.batchSize };
      this.size = await this.lab.invoke('models.size', { template: this.templateId, config });
      this.sizeError = null;
    } catch (e) {
      this.size = null;
      this.sizeError = LabError.from(e);
    }
  }

  async start(): Promise<string[] | null> {
    if (!this.templateId || !this.datasetId || !this.valid) return null;
    this.starting = true;
    try {
      const config = { ...$state.snapshot(this.config), ...$state.snapshot(this.training) };
      const r = await this.lab.invoke('runs.start', { template: this.templateId, datasetId: this.datasetId, config, seeds: this.seeds });
      this.startError = null;
      return r.runIds;
    } catch (e) {
      this.startError = LabError.from(e);
      return null;
    } finally {
      this.starting = false;
    }
  }
}
