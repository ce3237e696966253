// What to train instead when a run has no gate to knock out: the gated templates of its family, from the
// template registry (a template with gate fields is gated: common/models/index.ts TEMPLATES `baseline`), so a
// template added to the zoo is offered without a list here. DLinear, which import suggests for a series, is
// a baseline: knocking out "its gates" is refused, and the refusal says which forecasters have gates.
// Only those the run's data can train are offered, judged by the rules that refuse a new run on it (MMoE
// needs a rating behind the click: common/models/template-needs.ts; gmu fuses at least 2 modalities:
// common/models/modality-count.ts), as far as the run says what its data is.
import { TEMPLATES } from '../models';
import { NEEDS_RATING } from '../models/template-needs';
import { modalityCountProblem } from '../models/modality-count';
import type { LabelCoding } from '../trainer-protocol';

/** What a run says of its data that a gated template may need; a fact left out is not judged. */
export interface RunDataFacts {
  /** The modalities the run fused (a fusion run's model config, as its dataset filled it). */
  modalities?: readonly string[];
  /** Whether its click has a rating behind it (a numeric target read as a click by a rule, value ≥ t): MMoE's second task. */
  rating?: boolean;
}

/**
 * The facts of a run's config (model.modalities) and data summary (its label: a rule's threshold means a
 * rating), for gatedTemplatesOfFamily; a run that does not say (stored before its label was kept) gets none.
 */
export function runDataFacts(config: Record<string, unknown> | null | undefined, data?: { label?: Pick<LabelCoding, 'positiveAtLeast'> } | null): RunDataFacts {
  const model = config?.model as { modalities?: unknown } | undefined;
  const modalities = Array.isArray(model?.modalities) ? model.modalities.map((m) => (m as { name?: unknown })?.name).filter((n): n is string => typeof n === 'string') : [];
  return {
    ...(modalities.length ? { modalities } : {}),
    ...(data?.label ? { rating: data.label.positiveAtLeast !== undefined } : {}),
  };
}

/** Whether the gated template `id` can train on data with these facts (a fact not said passes). */
function fits(id: string, family: string, facts: RunDataFacts): boolean {
  if (family === 'recsys' && facts.rating === false && NEEDS_RATING.has(id)) return false;
  if (family === 'fusion' && facts.modalities?.length && modalityCountProblem({ template: id }, facts.modalities)) return false;
  return true;
}

/**
 * The gated templates of `template`'s family, in the registry's order, less those the run's data cannot train
 * (`facts`: what the run says of it); none when the registry does not know the template (the demo model).
 */
export function gatedTemplatesOfFamily(template: string | null | undefined, facts: RunDataFacts = {}): string[] {
  const family = TEMPLATES.find((t) => t.id === template)?.family;
  return family ? TEMPLATES.filter((t) => t.family === family && !t.baseline && fits(t.id, family, facts)).map((t) => t.id) : [];
}

/** "tsmixer-gated, gla or moe-forecaster". */
export function templateChoices(ids: readonly string[]): string {
  return ids.length > 1 ? `${ids.slice(0, -1).join(', ')} or ${ids.at(-1)}` : ids[0] ?? '';
}
