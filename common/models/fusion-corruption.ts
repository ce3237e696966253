// Modality dropout and modality noise (training-only fusion options) teach a model to lean on the other
// modalities when one is missing or wrong. With a single modality there are no others: dropout would train
// those samples on no input at all, and noise would only pair them with another sample's label. A new run
// asking for either on one modality is refused when it is created (main/lab/runs/data-guard.ts). This is
// not a schema rule: runs stored before it keep a config that parses, so they still export and knock out.

/** The refusal, in the template's field words, or null when the run's modalities leave something to learn from. */
export function corruptingTheOnlyModality(model: Record<string, unknown>, modalities: readonly string[]): string | null {
  if (modalities.length !== 1) return null;
  const template = String(model.template);
  const dropout = Number(model.modalityDropout ?? 0), noise = Number(model.modalityNoise ?? 0);
  const only = `one modality (${modalities[0]})`;
  const instead = 'set it to 0, or give another column group a modality (gatelab datasets roles ID <column>=feature:<modality>)';
  const lines: string[] = [];
  if (dropout > 0)
    lines.push(`template '${template}': field 'modalityDropout': modality dropout zeroes a modality so the model learns to predict from the others; with ${only} it would train ${Math.round(dropout * 100)}% of the samples on no input at all: ${instead}`);
  if (noise > 0)
    lines.push(`template '${template}': field 'modalityNoise': modality noise swaps a modality for another sample's so the model learns to distrust one the others contradict; with ${only} it would only give ${Math.round(noise * 100)}% of the samples another sample's label: ${instead}`);
  return lines.length ? lines.join('\n') : null;
}
