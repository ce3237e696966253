// What a recommendation model needs when a log holds only interactions, and where README shows how to add
// negatives: said by the target's refusals (target.ts), the binding's (binding.ts) and `gatelab import`'s Next line.

/**
 * Where README shows how to add negatives to an interaction log with pandas (its "implicit-feedback logs"
 * item under "From a dataset to batches"): a user told to "add them to the file" needs the how, not only the what.
 */
export const NEGATIVE_SAMPLING_RECIPE = 'README\'s pandas recipe for it: section "From a dataset to batches", "implicit-feedback logs"';

/**
 * What a recommendation model needs when a log holds only interactions. Said where a CTR run finds no
 * label (common/models/binding.ts should add it to its "needs a target column" message), a label that is
 * one value in every row, and a time column given as the label: the usual cause is an implicit-feedback log.
 */
export const IMPLICIT_FEEDBACK_HINT = 'If each row is an interaction (an implicit-feedback log: user, item, time), every row is a positive and there is nothing to tell apart. ' +
  'A CTR model needs a label column: a 0/1 column with rows for items shown but not clicked (label 0), or a rating with a threshold (--set positiveAtLeast=4). ' +
  `GateLab does not sample negatives itself: add them to the file (${NEGATIVE_SAMPLING_RECIPE})`;
