// The binary-label rule of a dataset's target ("label = value ≥ threshold", e.g. MovieLens rating ≥ 4),
// stored with the dataset's roles in the lab's key-value settings. A run on that dataset gets it as the
// model's `positiveAtLeast` (what workers/data reads) unless the run config sets its own; likewise the
// positive value of a two-valued target (`positive`: 'Charged Off', the model's `positive`).
import type { LabelRule } from '../../../common/lab-api';
import type { KeyValueTable } from './settings';

const key = (datasetId: string) => `dataset.${datasetId}.label`;

export class LabelRules {
  constructor(private readonly table: KeyValueTable) {}

  get(datasetId: string): LabelRule | undefined {
    const v = this.table.get<LabelRule | null>(key(datasetId), null);
    return v && (v.positiveAtLeast === null || Number.isFinite(v.positiveAtLeast)) && (v.positive == null || typeof v.positive === 'string') ? v : undefined;
  }

  set(datasetId: string, rule: LabelRule): void {
    this.table.set(key(datasetId), rule);
  }

  /**
   * The run config with the dataset's threshold or positive value filled in when the config chooses neither
   * (a run's own `--set positive=…` or `positiveAtLeast=…` is the rule for that run).
   */
  applyTo(datasetId: string, config: Record<string, unknown>): Record<string, unknown> {
    const rule = this.get(datasetId);
    if (config.positiveAtLeast !== undefined || config.positive !== undefined) return config;
    if (rule?.positiveAtLeast != null) return { ...config, positiveAtLeast: rule.positiveAtLeast };
    return rule?.positive != null ? { ...config, positive: rule.positive } : config;
  }
}
