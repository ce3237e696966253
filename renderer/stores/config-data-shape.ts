// The Models form's config with the fields its dataset decides (lib/data-shape.ts): the form fills them
// whenever the template, the dataset or an encoding field changes (apart from models.svelte.ts, which must
// stay within 400 lines).
import type { DatasetDetail, Template } from '../../common/lab-api';
import { dataShapeOf } from '../lib/data-shape';

/**
 * `config` with the fields `dataset` decides for `template`, for that config's own encoding (textBuckets,
 * maxCategories); `config` itself when nothing changes (or there is no dataset or template yet). MoE fusion
 * has one expert per modality (its schema, and the lab at Start, check experts = number of modalities): set
 * from the dataset's modality count, which is known even when a width is not (a vector column's is read
 * when the run starts).
 */
export function configWithDataShape(template: Pick<Template, 'id' | 'family'> | null, dataset: DatasetDetail | null, config: Record<string, unknown>): Record<string, unknown> {
  if (!dataset || !template) return config;
  const values = dataShapeOf(template.family, dataset, template.id, config).values;
  const next = { ...config, ...values };
  const router = next.router as Record<string, unknown> | undefined;
  if (template.id === 'moe-fusion' && router && Array.isArray(values.modalities)) next.router = { ...router, experts: values.modalities.length };
  return JSON.stringify(next) === JSON.stringify(config) ? config : next;
}
