import { describe, expect, it } from 'vitest';
import { assignmentTitle, evaluationNote, gateCaption, loadNoiseCaption, routerFigures, sinkWords, statTitle, topExpertSamplesCaption } from './gate-captions';
import { gateNamesFromConfig, NO_NAMES } from './gate-names';

// Model configs as the audit's lab stored them (runs 5, 7, 6, 3, 10 of /tmp/audit8/a16), trimmed to what captions read.
const dense = gateNamesFromConfig({ model: { template: 'moe-forecaster', router: { kind: 'softmax-router', enabled: true, experts: 4, temperature: 1 } } });
const noisy = gateNamesFromConfig({ model: { template: 'moe-dnn', router: { kind: 'topk-router', enabled: true, experts: 4, k: 2, noisy: true } } });
const finalmlp = gateNamesFromConfig({ model: { template: 'finalmlp', gate1: { kind: 'sigmoid', scale: 2, granularity: 'field' }, gate2: { kind: 'sigmoid', scale: 2 } } });
const tsmixer = gateNamesFromConfig({ model: { template: 'tsmixer-gated', gate: { kind: 'sigmoid', scale: 1 } } });
const gla = gateNamesFromConfig({ model: { template: 'gla', gla: { kind: 'gla', normalizer: 16, rank: 16 } } });
const cross = gateNamesFromConfig({ model: { template: 'gated-cross-attention', tokens: 4, modalities: [{ name: 'context' }, { name: 'sensor' }, { name: 'camera' }] } });

describe('router numbers named for what they count', () => {
  it('the noise caption only for a noisy top-k router', () => {
    expect(loadNoiseCaption(noisy)).toMatch(/includes the router's noise \(noisy top-k gating\)/);
    expect(loadNoiseCaption(dense)).toBeNull();
    expect(loadNoiseCaption(NO_NAMES)).toBeNull();
    expect(gateCaption('router', 'load', noisy)).toMatch(/top-2 picks.*Training batches include the router's noise\.$/);
    // validation load is measured without the noise
    expect(gateCaption('val.router', 'load', noisy)).not.toMatch(/noise/);
    expect(gateCaption('router', 'load', dense)).toMatch(/^Share of tokens whose top expert is each expert/);
  });
  it('"load" (share of picks) and "importance" (mean router probability) get distinct titles', () => {
    expect([statTitle('load', dense), statTitle('load', noisy), statTitle('importance', dense), statTitle('importance', noisy)]).toEqual(['share of tokens by top expert', 'share of top-2 picks', 'mean router probability', 'mean router probability (before top-2)']);
    expect(gateCaption('router', 'importance', dense)).toMatch(/^Mean router probability of each expert/);
    expect(gateCaption('router', 'importance', noisy)).toMatch(/before the top-2 pick.*Not the share of picks/);
    expect(statTitle('openness')).toBeNull();
    expect(statTitle('load', NO_NAMES)).toBeNull(); // k unknown: the stored word stays
  });
});

describe('openness captions that fit the gate', () => {
  it('a sigmoid gate at scale 2 says σ = 0.5 passes its input unchanged', () => {
    for (const stat of ['openness', 'openness_by_field', 'openness_hist']) expect(gateCaption('gate1', stat, finalmlp)).toContain('The gate multiplies its input by 2·σ: 0 = closed, 0.5 = passes unchanged at scale 2, 1 = ×2.');
    expect(gateCaption('val.gate2', 'openness', finalmlp)).toContain('0.5 = passes unchanged at scale 2');
    // scale 1 (TSMixer): the generic "0 closed … 1 fully open" is right, so no override
    expect(gateCaption('block0.gate', 'openness', tsmixer)).toBeNull();
    expect(gateCaption('gate1', 'openness', NO_NAMES)).toBeNull();
  });
  it("GLA's forget gate: what is plotted and why it sits near 1", () => {
    // σ = 0.5 → α = 0.5^(1/16) = 0.9576; α ≥ 0.9 whenever σ ≥ 0.9^16 = 0.185
    expect(gateCaption('layer0.gla', 'openness', gla)).toContain('σ = 0.5 gives α = 0.958');
    expect(gateCaption('val.layer1.gla', 'openness_hist', gla)).toContain('α ≥ 0.9 whenever σ ≥ 0.19');
    expect(gateCaption('layer0.gla', 'openness', NO_NAMES)).toBeNull();
  });
});

describe('the attention sink over few tokens', () => {
  it('names the first token and the uniform share 1/tokens', () => {
    // cross0: context's tokens attend to sensor's and camera's 4 + 4 tokens, sensor's first
    expect(sinkWords('cross0', cross)).toEqual({ first: 'the first token of sensor', count: 8, uniform: 0.125 });
    expect(sinkWords('cross2', cross)?.first).toBe('the first token of context');
    expect(gateCaption('val.cross1', 'first_token_attention', cross)).toContain('out of 8 tokens attended to: uniform attention gives 1/8 = 0.13');
    expect(sinkWords('cross0', NO_NAMES)).toBeNull();
  });
});

describe("a router's test-split figures, each named for what it counts (audit H2: moe-dnn run 10)", () => {
  // the audit's numbers: expert 2 holds 22.8% of the router probability and none of the top-2 picks
  const report = { load: [0.3715, 0.4518, 0, 0.1767], probability: [0.2578, 0.2605, 0.2282, 0.2534], picks: [0.3715, 0.4518, 0, 0.1767] };
  it('a top-2 router: the probability before the pick and the share of picks, never one name for both', () => {
    const f = routerFigures(report, noisy);
    expect(f.map((x) => [x.key, x.title, x.values[2]])).toEqual([
      ['probability', 'Mean router probability on the test split (before top-2)', 0.2282],
      ['picks', 'Share of top-2 picks on the test split', 0],
    ]);
    expect(f[0].caption).toMatch(/before it picks the top 2.*never be picked/);
    expect(f[1].caption).toMatch(/^Share of the top-2 picks that go to each expert/);
    expect(assignmentTitle(noisy)).toBe('Mean weight after the top-2 pick: expert × class');
  });
  it("a report from before these fields: the one figure it has, named for this router's kind", () => {
    const old = { load: report.load };
    expect(routerFigures(old, noisy).map((x) => x.title)).toEqual(['Mean weight after the top-k pick on the test split']);
    expect(routerFigures(old, noisy)[0].caption).toMatch(/after the router picks the top 2 experts.*0 for an expert never picked/);
    expect(routerFigures(old, dense).map((x) => x.title)).toEqual(['Mean router probability on the test split']);
    expect(routerFigures(old, NO_NAMES)[0].title).toBe('Mean weight of each expert on the test split');
    expect(assignmentTitle(dense)).toBe('Mean router probability: expert × class');
  });
  it('a dense router: its picks are top experts, its probability the weight it mixes with', () => {
    expect(routerFigures(report, dense).map((x) => x.title)).toEqual(['Mean router probability on the test split', 'Share of tokens by top expert on the test split']);
  });
});

describe('assignmentTitle for a regression run (audit O4)', () => {
  it('names the target quartiles the grid is over, not classes the run does not have', () => {
    expect(assignmentTitle(undefined, ['target Q1', 'target Q2', 'target Q3', 'target Q4'])).toBe('Mean weight of each expert: expert × target quartile');
    expect(assignmentTitle(undefined, ['cat', 'dog'])).toBe('Mean weight of each expert: expert × class');
  });
});


describe('a capacity-limited router\'s dropped share on validation (evaluation keeps every token)', () => {
  const capped = gateNamesFromConfig({ model: { template: 'moe-dnn', router: { kind: 'topk-router', k: 1, capacityFactor: 1 } } });
  it('is titled and captioned as what would be dropped at the capacity factor, not as tokens dropped', () => {
    expect(evaluationNote('val.router', 'dropped', capped)).toBe('would be dropped at capacity factor 1 (evaluation keeps every token)');
    expect(statTitle('dropped', capped, 'val.router')).toBe('share that would be dropped at capacity factor 1 (evaluation keeps every token)');
    const caption = gateCaption('val.router', 'dropped', capped)!;
    expect(caption).toMatch(/^Share of routed tokens that would be dropped at capacity factor 1: evaluation keeps every token/);
    expect(caption).not.toMatch(/dropped because/);
    expect(gateCaption('test.router', 'dropped', capped)).toBe(caption);
  });
  it('training batches do drop tokens: their statistic keeps the generic words', () => {
    expect(evaluationNote('router', 'dropped', capped)).toBeNull();
    expect(statTitle('dropped', capped, 'router')).toBeNull();
    expect(gateCaption('router', 'dropped', capped)).toBeNull();
  });
  it('without the factor in the config it still says evaluation keeps every token', () => {
    expect(evaluationNote('val.router', 'dropped', noisy)).toBe("would be dropped at the router's capacity factor (evaluation keeps every token)");
  });
});

describe("a GMU's modality weights", () => {
  it('over three modalities are each its own gate, titled as not shares; a bimodal GMU keeps the stored words', () => {
    const three = gateNamesFromConfig({ model: { template: 'gmu', modalities: [{ name: 'context' }, { name: 'sensor' }, { name: 'camera' }] } });
    const two = gateNamesFromConfig({ model: { template: 'gmu', modalities: [{ name: 'text' }, { name: 'tabular' }] } });
    const twoOff = gateNamesFromConfig({ model: { template: 'gmu', modalities: [{ name: 'text' }, { name: 'tabular' }], gate: { kind: 'gmu', bimodal: false } } });
    expect(statTitle('modality_weights', three)).toMatch(/not shares/);
    expect(statTitle('modality_weights', twoOff)).toMatch(/not shares/);
    expect(statTitle('modality_weights', two)).toBeNull(); // z and 1 − z: they are shares
    // other fusion templates' modality weights are softmax shares
    expect(statTitle('modality_weights', gateNamesFromConfig({ model: { template: 'moe-fusion', modalities: [{ name: 'a' }, { name: 'b' }, { name: 'c' }] } }))).toBeNull();
  });
});

describe('samples with it as top expert, beside the share of tokens by top expert', () => {
  it('says a sequence model counts a sample once and each of its tokens apart, so the two need not agree', () => {
    const seq = topExpertSamplesCaption(3, dense);
    expect(seq).toBe('Each test sample is counted once, for the expert with the largest router weight averaged over its 3 tokens; the share of tokens by top expert counts every token on its own. ' +
      'This model routes several tokens per sample, and one sample\'s tokens can go to different experts, so the two need not agree: an expert can win many tokens and few samples.');
    // a top-2 router's share is of its picks
    expect(topExpertSamplesCaption(3, noisy)).toContain('the share of top-2 picks counts every token on its own');
    // one token per sample (a CTR router): the counts follow the share; an older report (no token count) says when they differ
    expect(topExpertSamplesCaption(1, dense)).toBe('Each test sample is routed as one token and counted for the expert with its largest router weight, so these counts follow the share of tokens by top expert.');
    expect(topExpertSamplesCaption(undefined, NO_NAMES)).toMatch(/averaged over its tokens; .*When a model routes several tokens per sample/);
  });
});
