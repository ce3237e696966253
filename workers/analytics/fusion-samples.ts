// Per-sample fusion weights for the UI's sortable table: each test sample's modality weights with its
// label, the model's prediction, whether it was right, and the start of the original row's text (so a
// user can find e.g. the reviews where the model ignored the text). The first FUSION_SAMPLES_KEPT
// test samples are kept.
import { FUSION_SAMPLES_KEPT, type FusionSample } from '../../common/analytics';
import type { RunData } from '../run/run-data';
import type { PerSample } from './evaluate-graph';
import type { DatasetContext } from './dataset-context';

const SNIPPET = 160;

export function fusionSamples(weights: number[][], data: RunData, prediction: PerSample | undefined, ctx?: DatasetContext): FusionSample[] {
  const target = data.test.columns[data.target];
  const tw = target.shape.reduce((a, b) => a * b, 1);
  const n = Math.min(weights.length, FUSION_SAMPLES_KEPT);
  // Labels and predictions are class positions (the model's output order); a reader needs the classes as the
  // file writes them: "label 3, prediction 4" of a text target meant three → two. Positions stay for sorting.
  const names = data.task === 'binary' || data.task === 'multiclass' ? data.classNames : undefined;
  const nameOf = (position: number) => (names && Number.isInteger(position) ? names[position] : undefined);
  const out: FusionSample[] = [];
  for (let s = 0; s < n; s++) {
    const sample: FusionSample = { index: s, weights: weights[s] };
    let label = 0;
    for (let j = 0; j < tw; j++) label += Number(target.data[s * tw + j]) / tw;
    sample.label = label;
    const labelName = nameOf(label);
    if (labelName !== undefined) sample.labelName = labelName;
    if (prediction) {
      const w = prediction.width, p = prediction.data.subarray(s * w, (s + 1) * w);
      let predicted: number | undefined;
      if (data.task === 'binary') {
        sample.prediction = 1 / (1 + Math.exp(-p[0]));
        predicted = sample.prediction > 0.5 ? 1 : 0;
        sample.correct = sample.prediction > 0.5 === label > 0.5;
      } else if (data.task === 'multiclass') {
        let best = 0;
        for (let c = 1; c < w; c++) if (p[c] > p[best]) best = c;
        sample.prediction = predicted = best;
        sample.correct = best === label;
      } else {
        sample.prediction = p.reduce((a, b) => a + b, 0) / w;
      }
      const predictionName = predicted === undefined ? undefined : nameOf(predicted);
      if (predictionName !== undefined) sample.predictionName = predictionName;
    }
    if (ctx?.textColumn && s < ctx.testRows.length) {
      const text = ctx.token(ctx.textColumn, ctx.testRows[s]);
      if (text !== null) sample.text = text.length > SNIPPET ? `${text.slice(0, SNIPPET - 1)}…` : text;
    }
    out.push(sample);
  }
  return out;
}
