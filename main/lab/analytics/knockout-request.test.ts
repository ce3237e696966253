// A knockout of a baseline is refused with the gated templates of its family to train instead: only those
// the run's data can train (its config's modalities, its label's rating), all of them when the run does not say.
import { describe, expect, it } from 'vitest';
import { noGatesRefusal } from './knockout-request';

const clicks = { label: { column: 'clicked', classes: ['0', '1'], positive: '1', negative: '0' } };

describe('noGatesRefusal', () => {
  it('a CTR baseline on a click log is not offered mmoe, which learns a rating it does not have', () => {
    expect(noGatesRefusal(2, 'deepfm', { datasetId: 2, config: { model: { template: 'deepfm' } }, dataSummary: clicks }).message).toBe(
      'run 2 has no gate to knock out: deepfm is a baseline without gates; to see what gates do on this data, train a gated recsys template instead: ' +
      'finalmlp or moe-dnn (e.g. gatelab train --dataset 2 --template finalmlp; gatelab templates marks the gated ones)');
    // MovieLens' rating ≥ 4 has a rating behind the click
    const rated = { label: { column: 'rating', positive: '≥ 4', negative: '< 4', positiveAtLeast: 4 } };
    expect(noGatesRefusal(2, 'deepfm', { datasetId: 2, dataSummary: rated }).message).toContain('finalmlp, mmoe or moe-dnn');
  });

  it('a fusion baseline on one modality is offered the gated fusion that takes one', () => {
    const config = { model: { template: 'concat-fusion', modalities: [{ name: 'tabular', dim: 308 }] } };
    expect(noGatesRefusal(3, 'concat-fusion', { datasetId: 5, config, dataSummary: clicks }).message).toContain(
      'train a gated fusion template instead: early-exit-mlp (e.g. gatelab train --dataset 5 --template early-exit-mlp;');
  });

  it('a run that does not say its data (no label kept, no modalities) gets the whole family', () => {
    expect(noGatesRefusal(4, 'deepfm', { datasetId: null }).message).toContain('finalmlp, mmoe or moe-dnn (e.g. gatelab train --dataset ID --template finalmlp;');
    expect(noGatesRefusal(4, 'concat-fusion').message).toContain('train a gated fusion template instead: gmu, moe-fusion, gated-cross-attention or early-exit-mlp (');
  });
});
