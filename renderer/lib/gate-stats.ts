// What each gate statistic the engine records means, in one line, with the range its values can take:
// a panel titled "router · balance" told nobody that 1 is perfectly even. A known range also fixes the
// chart's axis (openness 0…1), so a drift from 0.50 to 0.515 no longer fills the whole panel.

export interface StatInfo {
  /** One line: what the number is and how to read it. */
  caption: string;
  /** The values' possible range: the chart's fixed y axis (ends may be extended by outliers). */
  range?: [number, number];
  /** A reference line, e.g. ln k for router entropy (uniform routing). */
  reference?: { value: number; label: string };
}

/**
 * The caption, range and reference line of a statistic `stat` of gate `gate`; `experts` (the length of
 * the router's load vector, when known) gives entropy its ln k. Unknown statistics get null.
 */
export function statInfo(gate: string, stat: string, experts?: number): StatInfo | null {
  const lnK = experts && experts > 1 ? Math.log(experts) : undefined;
  const aux = /^loss\./.test(gate) || /(^|_)loss$/.test(stat);
  switch (stat) {
    case 'openness': return { caption: 'Mean gate value over the batch: 0 closed … 1 fully open.', range: [0, 1] };
    case 'openness_by_channel': case 'openness_by_head': case 'openness_by_field':
      return { caption: `Mean gate value of each ${stat.slice(12)} (rows) per step: 0 closed … 1 fully open. A row that fades is a ${stat.slice(12)} the gate shuts.`, range: [0, 1] };
    case 'openness_hist': return { caption: 'Share of gate values in each tenth of 0…1 (rows), per step: where the gate sits, closed at the bottom.' };
    case 'probability': return { caption: 'Mean probability that the hard gate is open: 0…1.', range: [0, 1] };
    case 'entropy': return {
      caption: lnK !== undefined ? `Router entropy per token: 0 = one expert only … ln ${experts} = ${lnK.toFixed(3)} = all experts equally (dashed line).` : 'Entropy of the gate weights per token: 0 = all weight on one choice; higher = spread out.',
      range: lnK !== undefined ? [0, lnK] : undefined,
      reference: lnK !== undefined ? { value: lnK, label: `ln ${experts}` } : undefined,
    };
    // two different numbers for a top-k router (an expert can hold probability and get no picks): the
    // config-aware captions (common/analytics/gate-captions.ts) say which; these fit any router
    case 'load': return { caption: 'Share of the routing picks that go to each expert (sums to 1): which experts compute.', range: [0, 1] };
    case 'importance': return { caption: 'Mean router probability of each expert, before any top-k pick (sums to 1).', range: [0, 1] };
    // MMoE: each task's own softmax gate over the shared experts (`gate.task0.weights`)
    case 'weights': return /\.task\d+$/.test(gate) ? { caption: "Mean weight this task's gate gives each shared expert (sums to 1): which experts the task relies on.", range: [0, 1] } : null;
    // N·Σ f·P is 1 when both are even, but it is a product of two distributions: a Sinkhorn router's even
    // picks (f) with uneven probabilities (P) gives 0.985, so "1 = perfectly even" read as "below even"
    case 'balance': return { caption: 'Balance: experts × Σ load × importance (N·Σ f·P). 1 when load and probability are both even; higher means routing is concentrated (up to the number of experts when one takes everything); it can dip below 1 when load and probability disagree.', reference: { value: 1, label: 'even' } };
    // training batches only: on val/test nothing is dropped (gateCaption says "would be dropped" there)
    case 'dropped': return { caption: 'Share of routed tokens dropped on this training batch because an expert was over capacity: 0…1.', range: [0, 1] };
    case 'load_balance': return { caption: 'Load-balancing auxiliary loss (weighted) added to the training loss; falls as routing evens out.' };
    case 'load_cv2': return { caption: 'CV² of expert load (weighted auxiliary loss): 0 = every expert gets the same load.' };
    case 'z_loss': return { caption: 'Router z-loss (weighted auxiliary loss): keeps router logits small and routing stable.' };
    case 'temperature': return { caption: 'Router softmax temperature (dense-to-sparse: high = dense, low = nearly one expert).' };
    case 'first_token_attention': return { caption: 'Share of attention on the first token (the "attention sink"): 0…1; gated attention keeps it low.', range: [0, 1] };
    case 'modality_weights': return { caption: 'Mean weight of each modality: 0 = ignored … 1 = fully used.', range: [0, 1] };
    case 'exit_rate': return { caption: 'Share of samples leaving after each block (rows, blocks from 1; the last row ran every block): 0…1.', range: [0, 1] };
    case 'depth': return { caption: 'Mean number of blocks computed per sample (early exit).' };
    case 'sparsity': return { caption: 'Sparsity penalty (weighted auxiliary loss) on the gate being open.' };
    default: return aux ? { caption: 'Auxiliary loss term (weighted), added to the training loss.' } : null;
  }
}

// the statistic in words: one table for the panels, `gatelab show` and the reports
export { statWords } from '../../common/analytics/stat-words';
