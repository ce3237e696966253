// Whether a fusion template can fuse a number of modalities, as its schema decides it (fusion.ts: concat,
// late fusion and early exit take one; "gmu fuses at least 2 modalities", as do moe-fusion and gated
// cross-attention). One rule for the lab refusing a new run (main/lab/runs/data-guard.ts) and for what a
// baseline's knockout refusal offers instead (common/analytics/gated-templates.ts).
import { parseModelConfig } from './index';

/**
 * Why `model` (a config, or only `{ template }` for its defaults) cannot fuse the modalities named, in the
 * template's words ("template 'gmu': field 'modalities': gmu fuses at least 2 modalities; …"), or null.
 * Only the number of modalities is judged: their widths are the trainer's to fit.
 */
export function modalityCountProblem(model: Record<string, unknown>, modalities: readonly string[]): string | null {
  try {
    parseModelConfig({ ...model, modalities: modalities.map((name) => ({ name, dim: 1 })) });
    return null;
  } catch (e) {
    const lines = (e as Error).message.split('\n').filter((l) => /field 'modalities'/.test(l));
    return lines.length ? lines.join('\n') : null;
  }
}
