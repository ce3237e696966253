// Model templates for the builder, from the model zoo's config contract (common/models): each with
// its JSON Schema (the UI renders forms from it), its gate fields and its default config.
import { TEMPLATES, defaultModelConfig, templateJsonSchema, parseModelConfig } from '../../../common/models';
import { LabError, type Template } from '../../../common/lab-api';
import { modelSize } from '../../../engine/models/index';

let cached: Template[] | null = null;

export function listTemplates(): Template[] {
  cached ??= TEMPLATES.map((t) => ({
    id: t.id,
    family: t.family,
    description: t.description,
    baseline: t.baseline,
    gates: t.gates,
    schema: templateJsonSchema(t.id) as Record<string, unknown>,
    defaults: defaultModelConfig(t.id) as unknown as Record<string, unknown>,
  }));
  return cached;
}

/** Validates a model config; a bad one becomes an 'invalid-payload' LabError naming the field. */
export function checkModelConfig(template: string, config: Record<string, unknown>): Record<string, unknown> {
  try {
    return parseModelConfig({ ...config, template }) as unknown as Record<string, unknown>;
  } catch (e) {
    throw new LabError('invalid-payload', e instanceof Error ? e.message : String(e));
  }
}

/** Parameters and FLOPs of one training step (forward + backward ≈ 3 × forward, per batch), from the built graph. */
export function sizeOf(template: string, config: Record<string, unknown>): { params: number; flopsPerStep: number } {
  const model = checkModelConfig(template, config);
  const batch = typeof config.batchSize === 'number' && config.batchSize > 0 ? config.batchSize : 128;
  try {
    const s = modelSize(model);
    return { params: s.params, flopsPerStep: s.trainFlopsPerStep(batch) };
  } catch (e) {
    throw new LabError('invalid-payload', `template '${template}': ${(e as Error).message}`);
  }
}
