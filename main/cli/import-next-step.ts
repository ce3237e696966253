// The line `gatelab import` ends with for a new dataset: the train command to try next, in the file's words.
// A new user's file is imported with every column a feature and no family (only demos say theirs), and
// README's first session used to name `--template dlinear` for any file: on a click or ratings log that
// trains a "forecast" of the label in file order. So the line reads the columns as the app's family pick
// does, roughly: a time column and no label is a series (unless ids and no measurements say event log: with no label,
// an implicit-feedback log that needs negatives first); a label with a text column is text + tabular
// (fusion); a label otherwise is a classification/CTR table. A guess, said as one, with `templates` for all.
import { likelyTarget, twoValuedCategoricals } from '../../common/models/likely-target';
import { eventLogLabel, suggestedRating } from '../../common/models/event-log';
import { storedStats } from '../../common/data/stored-stats';
import { shellWord } from '../../common/text/shell-word';
import { NEGATIVE_SAMPLING_RECIPE } from '../../common/models/target';

interface ColumnLike { name: string; type: string; role: string; stats?: unknown }

/** "Next: gatelab train --dataset 4 --template deepfm --target churned   (…)" for dataset `id` with `columns`. */
export function importNextStep(id: number, columns: readonly ColumnLike[]): string {
  const used = columns.filter((c) => c.role !== 'ignore');
  const chosen = used.find((c) => c.role === 'target');
  const label = chosen ?? likelyTarget(used.filter((c) => c.role === 'feature'), twoValuedCategoricals(used));
  const hasTime = used.some((c) => c.role === 'time' || c.type === 'datetime');
  const train = `gatelab train --dataset ${id} --template`;
  const all = 'gatelab templates lists every template by family';
  // ids and a time but no measurement (a review or click log: user, item, rating, time) is an event log for
  // recommendation, as the import's notes call it, not a series (workers/import/table-shape.ts reads this case so too)
  const ids = used.filter((c) => c.type === 'categorical').length;
  // A float side feature (a product's price, a user's mean spend) does not make a ratings log a series: many
  // user and item ids and a column named as a label say log (the one rule of common/models/event-log.ts)
  const sideFeatures = eventLogLabel(used.map((c) => ({ name: c.name, type: c.type, cardinality: storedStats(c.stats).cardinality })));
  const eventLog = (!used.some((c) => c.type === 'float') && (ids >= 2 || (ids >= 1 && label !== undefined))) || sideFeatures !== undefined;
  if (hasTime && !chosen && !eventLog) return `Next: ${train} dlinear   (forecasts its numeric columns over time; ${all})`;
  // ids and times with nothing like a label (a shop's user_id, item_id, timestamp, quantity): `--target COLUMN`
  // could only fail, as every row is an interaction. What it needs first is negatives, which GateLab does not sample.
  if (hasTime && !chosen && !label && eventLog) {
    return `Next: this looks like an implicit-feedback log (ids and times, no label column): every row is an interaction, so a CTR model has nothing to tell apart. ` +
      `Add rows for items not interacted with, labelled 0 (${NEGATIVE_SAMPLING_RECIPE}), import that file, then ${train} deepfm --target label`;
  }
  const targetFlag = chosen ? '' : label ? ` --target ${shellWord(label.name)}` : ' --target COLUMN';
  const said = chosen ? `predicts its target ${chosen.name}` : label ? `${label.name} looks like the label` : 'COLUMN: the one to predict';
  const hasText = used.some((c) => c.type === 'text' && c !== label);
  if (hasText) return `Next: ${train} gmu${targetFlag}   (${said}; gmu fuses the text with the other columns; ${all})`;
  // a CTR model reads a two-valued label: a rating it guessed (stars 1..5) is refused without a threshold, so the
  // line gives the one that refusal would name (suggestedRating: none for a scale from 0)
  const rating = !chosen && label ? suggestedRating(label.name, used) : undefined;
  if (rating && label) {
    return `Next: ${train} deepfm${targetFlag} --set positiveAtLeast=${rating.atLeast}   (${label.name} looks like a rating from ${rating.min} to ${rating.max}: ` +
      `a rating ≥ ${rating.atLeast} counts as a click; deepfm reads the other columns as fields; ${all})`;
  }
  return `Next: ${train} deepfm${targetFlag}   (${said}; deepfm reads the other columns as fields; ${all})`;
}
