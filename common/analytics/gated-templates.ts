// What to train instead when a run has no gate to knock out: the gated templates of its family, from the
// template registry (a template with gate fields is gated: common/models/index.ts TEMPLATES `baseline`), so a
// template added to the zoo is offered without a list here. DLinear, which import suggests for a series, is
// a baseline: knocking out "its gates" is refused, and the refusal says which forecasters have gates.
import { TEMPLATES } from '../models';

/** The gated templates of `template`'s family, in the registry's order; none when the registry does not know it (the demo model). */
export function gatedTemplatesOfFamily(template: string | null | undefined): string[] {
  const family = TEMPLATES.find((t) => t.id === template)?.family;
  return family ? TEMPLATES.filter((t) => t.family === family && !t.baseline).map((t) => t.id) : [];
}

/** "tsmixer-gated, gla or moe-forecaster". */
export function templateChoices(ids: readonly string[]): string {
  return ids.length > 1 ? `${ids.slice(0, -1).join(', ')} or ${ids.at(-1)}` : ids[0] ?? '';
}
