// A run whose gates were all turned off ("Ablate": gate.enabled = false) trained the ungated model: it has
// no gate to knock out. The knockout job would fail ("its gates: (none)"), so the app says what such a
// run is for instead: the baseline its gated twin is compared with.
import { TEMPLATES } from '../models/index';

/** What Runs and Compare say instead of offering "Knock out all gates" on an ablated run. */
export const ABLATED_NOTE = "this run's gates were off (an ablation): nothing to knock out; compare it with the gated run to see what the gate does";

/**
 * True when the run's model config turns every gate of its template off. A gate field left out means the
 * template's default gate, which is on; a config of an unknown template is not called ablated.
 */
export function gatesOff(config: Record<string, unknown> | null | undefined): boolean {
  const model = (config?.model ?? {}) as Record<string, unknown>;
  const template = TEMPLATES.find((t) => t.id === model.template);
  if (!template || template.gates.length === 0) return false;
  return template.gates.every((field) => {
    const gate = model[field];
    return !!gate && typeof gate === 'object' && (gate as { enabled?: unknown }).enabled === false;
  });
}
