// The binary-label rule of a dataset's target ("label = value ≥ threshold", e.g. MovieLens rating ≥ 4),
// stored with the dataset's roles in the lab's key-value settings. A run on that dataset gets it as the
// model's `positiveAtLeast` (what workers/data reads) unless the run config sets its own.
import type { LabelRule } from '../../../common/lab-api';
import type { KeyValueTable } from './settings';

const key = (datasetId: string) => `dataset.${datasetId}.label`;

export class LabelRules {
  constructor(private readonly table: KeyValueTable) {}

  get(datasetId: string): LabelRule | undefined {
    const v = this.table.get<LabelRule | null>(key(datasetId), null);
    return v && (v.positiveAtLeast === null || Number.isFinite(v.positiveAtLeast)) ? v : undefined;
  }

  set(datasetId: string, rule: LabelRule): void {
    this.table.set(key(datasetId), rule);
  }

  /** The run config with the dataset's threshold filled in when the config does not choose one. */
  applyTo(datasetId: string, config: Record<string, unknown>): Record<string, unknown> {
    const t = this.get(datasetId)?.positiveAtLeast;
    return t == null || config.positiveAtLeast !== undefined ? config : { ...config, positiveAtLeast: t };
  }
}
