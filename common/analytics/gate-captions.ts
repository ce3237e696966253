// Captions that depend on the run's config, shared by the Runs panels and the HTML gate report. A caption
// must say what the number is for *this* gate: "0 closed … 1 fully open" misleads for FinalMLP's gate at
// scale 2 (σ = 0.5 passes the input unchanged), GLA's forget gate sits near 1 by construction, and a
// router's "loads" (share of picks, mean router probability, weight after the pick, samples per top
// expert) are different numbers.
import type { GateNames } from './gate-names';
import type { KnockoutTable } from './knockout';

const round = (v: number, d = 3) => Number(v.toPrecision(d)).toString();

/**
 * The router numbers in words, each named for what it counts, the same words in the Runs charts, the gate
 * report and the HTML report. For a top-k router these are different numbers (moe-dnn expert 2: 23%
 * probability, 0% of the picks):
 *   - `router.importance`: the mean router probability, the softmax over all experts before the top-k pick;
 *   - `router.load`: the share of the top-k picks (k = 1, a dense router: of tokens by top expert);
 *   - the report's mixing weight: the weight each expert gets in the output after the top-k pick (0 for an
 *     expert not picked; a dense router mixes with its probabilities, so there it is the probability).
 */
export const ROUTER_WORDS = {
  load: 'share of tokens whose top expert is e',
  loadTopK: (k: number) => `share of the top-${k} picks that go to expert e`,
  probability: 'mean router probability',
  mixing: 'mean weight after the top-k pick',
  samples: 'test samples whose top expert is e',
} as const;

/** Whether the router picks a few experts per token (a top-k router) rather than mixing all of them. */
const picksTopK = (n?: GateNames): boolean => !!n?.router && n.router.kind !== 'softmax-router';

/** "share of top-2 picks", or for a router of one expert per token "share of tokens by top expert"; null when k is unknown. */
function picksTitle(n?: GateNames): string | null {
  if (!n?.router) return null;
  return n.router.k > 1 ? `share of top-${n.router.k} picks` : 'share of tokens by top expert';
}

/**
 * What "N samples with it as top expert" (the expert-specialisation cards) counts, beside the router's share
 * of tokens by top expert (or of its top-k picks). A sample counts once, for the expert with the largest
 * router weight averaged over the sample's tokens; the share counts every token on its own. A model that
 * routes several tokens per sample (a sequence model's patches or time steps) sends one sample's tokens to
 * different experts, so "expert 1: 40% of tokens" can sit beside "expert 1: 0 samples" with nothing wrong.
 * `tokens`: tokens each sample routes (RouterReport.tokens; absent in reports before it).
 */
export function topExpertSamplesCaption(tokens: number | undefined, n?: GateNames): string {
  const share = n?.router && n.router.k > 1 ? `the share of top-${n.router.k} picks` : 'the share of tokens by top expert';
  if (tokens === 1) return `Each test sample is routed as one token and counted for the expert with its largest router weight, so these counts follow ${share}.`;
  const each = tokens ? `its ${tokens} tokens` : 'its tokens';
  return `Each test sample is counted once, for the expert with the largest router weight averaged over ${each}; ${share} counts every token on its own. ` +
    `${tokens ? 'This model routes several tokens per sample' : 'When a model routes several tokens per sample'}, and one sample's tokens can go to different experts, so the two need not agree: an expert can win many tokens and few samples.`;
}

/** Whether gate `gate` is measured on an evaluation split (`val.router`, `test.router`) rather than training batches. */
const evaluated = (gate: string): boolean => /^(val|test)\./.test(gate);

/**
 * A capacity-limited router's `dropped` on validation/test in words: evaluation keeps every token
 * (engine/gates/routers.ts applies the capacity in training only), so the stored number is the share that
 * *would* be dropped at this capacity, never tokens the evaluation lost. The stored name stays `dropped`.
 */
export function wouldDropWords(n?: GateNames): string {
  const cf = n?.router?.capacityFactor;
  return `would be dropped at ${cf !== undefined ? `capacity factor ${round(cf)}` : "the router's capacity factor"} (evaluation keeps every token)`;
}

/**
 * A note for a statistic whose stored name misleads on an evaluation split (`val.router` `dropped`:
 * "would be dropped at capacity factor 1 (evaluation keeps every token)"); null for every other one.
 */
export function evaluationNote(gate: string, stat: string, n?: GateNames): string | null {
  return stat === 'dropped' && evaluated(gate) ? wouldDropWords(n) : null;
}

/**
 * A short title for a router statistic ("share of tokens by top expert"), or null when the generic words fit.
 * `load` needs the router's k from the config (top-2 counts picks, not tokens): without it, null. With
 * `gate`, an evaluation split's `dropped` is titled for what it is (tokens that would be dropped).
 */
export function statTitle(stat: string, n?: GateNames, gate?: string): string | null {
  if (gate !== undefined) {
    const note = evaluationNote(gate, stat, n);
    if (note) return `share that ${note}`;
  }
  if (stat === 'modality_weights' && n?.gmuIndependent) return 'mean gate per modality (not shares)';
  if (stat === 'load') return picksTitle(n);
  if (stat === 'importance') return picksTopK(n) ? `${ROUTER_WORDS.probability} (before top-${n!.router!.k})` : ROUTER_WORDS.probability;
  return null;
}

/** One figure of a router on the test split, titled and captioned for what it counts. */
export interface RouterFigure {
  key: 'probability' | 'picks' | 'mixing';
  /** "Mean router probability on the test split". */
  title: string;
  /** One sentence: what the number is and what it is not. */
  caption: string;
  /** One value per expert. */
  values: number[];
}

/**
 * The test-split figures of a router report, in the order a panel shows them: the mean router probability
 * and the share of picks when the report measured them (reports from this version on), else the one
 * figure older reports have, the mixing weight, named for what it is for this router (for a dense
 * router: its probability). The Runs panel and the HTML gate report both show these.
 */
export function routerFigures(r: { load: number[]; probability?: number[]; picks?: number[] }, n?: GateNames): RouterFigure[] {
  const out: RouterFigure[] = [];
  const k = n?.router?.k;
  const topK = picksTopK(n);
  if (r.probability) {
    out.push({
      key: 'probability', values: r.probability,
      title: `${cap(ROUTER_WORDS.probability)} on the test split${topK ? ` (before top-${k})` : ''}`,
      caption: topK
        ? `The router's softmax over all experts, before it picks the top ${k}, averaged over the test tokens (sums to 1). An expert can hold real probability and still never be picked: see the share of picks.`
        : "The router's softmax weight on each expert averaged over the test tokens (sums to 1): the weight each expert's output gets.",
    });
  }
  if (r.picks) {
    const title = picksTitle(n);
    out.push({
      key: 'picks', values: r.picks,
      title: `${cap(title ?? 'share of routing picks')} on the test split`,
      caption: topK && k && k > 1
        ? `Share of the top-${k} picks that go to each expert on the test split (each token picks ${k} experts; sums to 1): which experts actually compute.`
        : "Share of test tokens whose top expert (largest router probability) is each expert (sums to 1): who wins, not how much weight it gets.",
    });
  }
  if (!out.length) {
    out.push(topK
      ? { key: 'mixing', values: r.load, title: `${cap(ROUTER_WORDS.mixing)} on the test split`, caption: `The weight each expert's output gets after the router picks the top ${k} experts of each token, averaged over the test tokens: 0 for an expert never picked. Not the router's probability before the pick.` }
      : n?.router
        ? { key: 'mixing', values: r.load, title: `${cap(ROUTER_WORDS.probability)} on the test split`, caption: "The router's softmax weight on each expert averaged over the test tokens (sums to 1): the weight each expert's output gets." }
        : { key: 'mixing', values: r.load, title: 'Mean weight of each expert on the test split', caption: "The weight each expert's output gets, averaged over the test tokens: for a top-k router after the pick (0 for an expert never picked), for a dense router its probability." });
  }
  return out;
}

/**
 * A regression run's router grid columns: the test samples bucketed by the quartiles of their (mean) target
 * (workers/analytics/gate-report.ts), since a number has no classes to group by.
 */
export const TARGET_QUARTILES: readonly string[] = ['target Q1', 'target Q2', 'target Q3', 'target Q4'];

/** Whether a router grid's columns are target quartiles (a regression run) rather than classes. */
export const isTargetQuartiles = (columns: readonly string[]): boolean =>
  columns.length === TARGET_QUARTILES.length && columns.every((c, i) => c === TARGET_QUARTILES[i]);

/**
 * What the expert × class grid averages, for this router (it uses the weights the model mixes with).
 * `columns`: the grid's columns; a regression run's are target quartiles, and "expert × class" would name
 * classes the run does not have.
 */
export function assignmentTitle(n?: GateNames, columns: readonly string[] = []): string {
  const grid = isTargetQuartiles(columns) ? 'expert × target quartile' : 'expert × class';
  if (picksTopK(n)) return `Mean weight after the top-${n!.router!.k} pick: ${grid}`;
  return n?.router ? `Mean router probability: ${grid}` : `Mean weight of each expert: ${grid}`;
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * Why a router's training load and its test load differ (moe-dnn: expert 2 at ~25% in training, 0% on
 * test): training batches are routed with the noisy gate's noise, evaluation without it. Only true of a
 * noisy top-k router: a dense softmax router has no noise, so for it there is nothing to say.
 */
export const LOAD_NOISE = "Training load is measured on training batches and includes the router's noise (noisy top-k gating); validation/test load is without it, so an expert the noise keeps busy in training can get almost nothing on test.";
export const loadNoiseCaption = (n?: GateNames): string | null => (n?.router?.noisy ? LOAD_NOISE : null);

/** The scale s of a sigmoid gate (y = s·σ(·)⊙v) from its id: `gate1` (FinalMLP), `block0.gate` (TSMixer's `gate`). */
function scaleOf(gate: string, n?: GateNames): number | undefined {
  const s = n?.scales;
  if (!s) return undefined;
  if (/^block\d+\.gate$/.test(gate)) return s.block;
  return s[gate];
}

/** "What a value means" for a sigmoid gate at scale s ≠ 1: σ = 1/s passes the input unchanged. */
const scaled = (s: number) => `The gate multiplies its input by ${s}·σ: 0 = closed, ${round(1 / s)} = passes unchanged at scale ${s}, 1 = ×${s}.`;

/**
 * The caption of statistic `stat` of gate `gate` (with or without its `val.`/`test.` prefix) when the run's
 * config changes what it means; null when the generic caption is right.
 */
export function gateCaption(gate: string, stat: string, n?: GateNames): string | null {
  const base = gate.replace(/^(val|test)\./, '');
  const training = base === gate;
  if (stat === 'dropped' && !training) {
    const cf = n?.router?.capacityFactor;
    return `Share of routed tokens that ${wouldDropWords(n).replace(/ \(.*\)$/, '')}: evaluation keeps every token, so this is how hard the capacity would bind on this split${cf !== undefined ? ` (each expert takes at most ${round(cf)} × its even share of the picks)` : ''}, not tokens lost. Training steps do drop them.`;
  }
  if (stat === 'load' && n?.router) {
    const k = n.router.k;
    const what = k > 1 ? `Share of the top-${k} picks that go to each expert (each token picks ${k} experts; sums to 1).` : 'Share of tokens whose top expert is each expert (sums to 1): who wins the argmax, not how much weight it gets.';
    return training && n.router.noisy ? `${what} Training batches include the router's noise.` : what;
  }
  if (stat === 'importance' && n?.router) {
    return picksTopK(n)
      ? `Mean router probability of each expert: the softmax over all experts before the top-${n.router.k} pick, averaged over tokens (sums to 1). Not the share of picks: an expert can hold a quarter of the probability and still never be picked.`
      : 'Mean router probability of each expert, averaged over tokens (sums to 1). It differs from the top-expert share when the router is unsure.';
  }
  const gla = /^layer\d+\.gla$/.test(base) && n?.glaNormalizer ? n.glaNormalizer : undefined;
  if (gla !== undefined) {
    // α = σ^(1/N) ≥ 0.9 whenever σ ≥ 0.9^N (0.185 for N = 16): the histogram sits in its top row by construction
    const half = round(0.5 ** (1 / gla));
    if (stat === 'openness') return `Forget gate α per step = σ(·)^(1/${gla}): the share of the memory state kept each step (1 = keep all). The 1/${gla} power puts it near 1: σ = 0.5 gives α = ${half}, and over ${gla} steps the state keeps α^${gla} = σ.`;
    if (stat === 'openness_hist') return `Share of forget-gate values α = σ(·)^(1/${gla}) in each tenth of 0…1, per step. α ≥ 0.9 whenever σ ≥ ${round(0.9 ** gla, 2)}, so nearly all values sit in the top row by construction: the openness line shows the drift within 0.9–1.`;
  }
  const s = scaleOf(base, n);
  if (s !== undefined && s !== 1) {
    if (stat === 'openness') return `Mean gate value σ over the batch (0…1). ${scaled(s)}`;
    const unit = /^openness_by_(channel|head|field)$/.exec(stat)?.[1];
    if (unit) return `Mean gate value σ of each ${unit} (rows) per step. ${scaled(s)}`;
    if (stat === 'openness_hist') return `Share of gate values σ in each tenth of 0…1 (rows), per step, closed at the bottom. ${scaled(s)}`;
  }
  if (stat === 'first_token_attention') {
    const keys = n?.keys?.[base.replace(/\.gate$/, '')];
    if (keys) {
      const u = 1 / keys.count;
      return `Share of attention on ${keys.first} (the attention sink), out of ${keys.count} tokens attended to: uniform attention gives 1/${keys.count} = ${round(u, 2)}; far above that is a sink. Gated attention keeps it low.`;
    }
  }
  return null;
}

/** "first token" in words for an attention layer (`cross0`, `layer0.attn`), and what uniform is; null when unknown. */
export function sinkWords(layer: string, n?: GateNames): { first: string; count: number; uniform: number } | null {
  const keys = n?.keys?.[layer.replace(/\.gate$/, '')];
  return keys ? { first: keys.first, count: keys.count, uniform: 1 / keys.count } : null;
}

/**
 * What a knockout table needs said for this model, or null. FinalMLP (logit = b + w1·o1 + w2·o2 + Σ o1ᵀW o2):
 * closing a stream's feature gate (σ = 0) zeroes that stream's input, so its MLP gives one constant vector
 * for every sample and the fusion turns into a linear read-out of the other stream the model never trained
 * with. That read-out can rank samples the wrong way round: AUC below 0.5 is the real value of that model
 * (checked against the exported ONNX with the gate's weights set to close it), not a fault of the knockout.
 */
export function knockoutCaption(t: Pick<KnockoutTable, 'rows' | 'metric'>, n?: GateNames): string | null {
  if (n?.template !== 'finalmlp') return null;
  const closed = t.rows.filter((r) => /^gate[12]$/.test(r.gate) && r.mode === 'closed');
  if (!closed.length) return null;
  const s = n.scales?.[closed[0].gate] ?? 2;
  const below = t.metric === 'auc' ? closed.filter((r) => r.value < 0.5).map((r) => `stream ${r.gate.slice(4)}`) : [];
  return `Closing a stream's feature gate (σ = 0) feeds that stream zeros: its MLP then gives the same vector for every sample, ` +
    'and the bilinear fusion becomes a linear read-out of the other stream alone, one the model never trained with. ' +
    (below.length ? `Closing ${below.join(' and ')} scores below chance (AUC under 0.5): that read-out ranks the samples the wrong way round, which is the true score of the knocked-out model, not an error. ` : '') +
    `'mean' (each gate value at its training mean) is the gentler knockout; at scale ${s}, σ = ${round(1 / s)} passes the input unchanged and 'open' (σ = 1) multiplies it by ${s}.`;
}
