// Average precision (the area under the precision–recall curve, as scikit-learn's average_precision_score):
// on a 5% fraud or 10% click label, ROC-AUC looks good and accuracy at 0.5 says little (always answering
// "no" scores 0.95), while AP asks how clean the top of the ranking is. Its chance level is the positive
// rate of the scored rows (a random ranking's precision), so it is read against that, not against 0.5.

/**
 * Σ_n (R_n − R_{n−1}) · P_n over the distinct scores, highest first: rows with one score are one threshold
 * (a tie is taken or left whole, as sklearn's precision_recall_curve does), R_0 = 0. NaN when no row is
 * positive (recall is undefined: sklearn warns and returns a meaningless value); 1 when every row is.
 */
export function averagePrecision(scores: ArrayLike<number>, labels: ArrayLike<number>): number {
  const n = scores.length;
  let positives = 0;
  for (let i = 0; i < n; i++) if (labels[i] > 0.5) positives++;
  if (positives === 0) return NaN;
  const idx = Array.from({ length: n }, (_, i) => i).sort((a, b) => scores[b] - scores[a]);
  let truePositives = 0, ap = 0, previousRecall = 0;
  for (let i = 0; i < n; ) {
    const score = scores[idx[i]];
    // take every row of this score before reading precision and recall: a tie is one threshold
    for (; i < n && scores[idx[i]] === score; i++) if (labels[idx[i]] > 0.5) truePositives++;
    const recall = truePositives / positives;
    ap += (recall - previousRecall) * (truePositives / i);
    previousRecall = recall;
  }
  return ap;
}
