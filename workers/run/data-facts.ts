// The structured facts a trainer sends with 'ready' beside its human data line: the model's inputs by
// column name in its order, and the label's coding. The lab stores them with the run (RunDataSummary), and
// gate names and Try it's terms read them instead of parsing the line, whose wording may change and whose
// separators (", ", "; ", "left out: ") may also occur in a user's column names. The line itself gains the
// notes on classes a part has no rows of (part-classes.ts), whose counts go with 'ready' too.
import { inputsOf } from '../../common/analytics/run-inputs';
import type { DataColumns } from '../../common/models/binding';
import type { LabelCoding, ModelInputs, PartClassCounts } from '../../common/trainer-protocol';
import type { RunData } from './run-data';
import { classNamesOf } from './class-metrics';
import { partClassCounts, partClassNotes } from './part-classes';
import { meanBaseline } from './regression-baseline';

/**
 * The model's inputs by column name. The data builder names them (`data.inputs`, workers/data/run-data.ts:
 * from the columns left after the id-like, empty and constant ones went). Data built without them: the
 * channels the data kept (`data.channels`: constant and empty ones are already gone), or the binding's CTR
 * fields then numeric inputs when they add up to the model's width (the trainer only ever removes fields and
 * never reorders them, so equal widths mean nothing was removed); otherwise the inputs stay unnamed rather
 * than shifted. Fusion names its modalities in the model config.
 */
export function modelInputsOf(data: RunData, columns: DataColumns, model: Record<string, unknown>): ModelInputs | undefined {
  if (data.inputs) return data.inputs;
  const kept = columns.family === 'forecasting' && data.channels ? { ...columns, channels: data.channels } : columns;
  const inputs = inputsOf(kept, model);
  return inputs.channels || inputs.fields ? inputs : undefined;
}

/**
 * The label's coding from the binding (its column and label rule) and the data's class names, which are
 * in class-id order (binary: negative, positive). Forecasting has no label column.
 */
export function labelCodingOf(data: RunData, columns: DataColumns): LabelCoding | undefined {
  if (data.label) return data.label;
  if (columns.family === 'forecasting' || data.task === 'regression') return undefined;
  const column = columns.family === 'recsys' ? columns.label.column : columns.label;
  const rule = columns.family === 'recsys' ? columns.label.positiveAtLeast : columns.positiveAtLeast;
  const classes = data.classNames;
  if (data.task === 'binary') {
    // a binary label without its two values named would say nothing the line does not: leave it out
    if (classes?.length !== 2) return undefined;
    return { column, classes: classes.slice(), negative: classes[0], positive: classes[1], ...(rule !== undefined ? { positiveAtLeast: rule } : {}) };
  }
  return classes && classes.length === data.classes ? { column, classes: classes.slice() } : undefined;
}

/**
 * Notes for the data line on the classes a part has no rows of ("test has no 'true' rows: AUC undefined,
 * F1 of 'true' cannot be judged", "no training rows: 'new'"), with the split that keeps every class in
 * every part (part-classes.ts), from the rows per class of each part.
 */
function partClassNotesOf(data: RunData, columns: Exclude<DataColumns, { family: 'forecasting' }>, counts: PartClassCounts): string[] {
  const column = columns.family === 'recsys' ? columns.label.column : columns.label;
  const rule = columns.family === 'recsys' ? columns.label.positiveAtLeast : columns.positiveAtLeast;
  return partClassNotes(classNamesOf(data), counts, { binary: data.task === 'binary', column, ...(rule !== undefined && data.task === 'binary' ? { rule } : {}) });
}

/**
 * The run's data with its inputs, label and rows per class of each part filled in (inputs and label when
 * the data builder did not already), and the data line told which classes a part lacks. The classes are
 * counted once, over every row of each part (one pass over the labels), for both the counts and the notes.
 */
export function withDataFacts(data: RunData, columns: DataColumns, model: Record<string, unknown>): RunData {
  const inputs = modelInputsOf(data, columns, model);
  const label = labelCodingOf(data, columns);
  // a regressed target (fusion's task=regression) has no classes to count
  const classCounts = columns.family === 'forecasting' || data.task === 'regression' ? undefined : partClassCounts(data);
  const notes = classCounts && columns.family !== 'forecasting' ? partClassNotesOf(data, columns, classCounts) : [];
  // a regressed dataset target (r2 scored, in its own units): the training mean's scores beside the model's;
  // forecasting's mse and mae are on the scaled series, where a mean has no meaning to report
  const regressionBaseline = data.r2 && !data.regressionBaseline ? meanBaseline(data.train, data.test, data.target) : undefined;
  return {
    ...data, ...(notes.length ? { describe: [data.describe, ...notes].join('; ') } : {}),
    ...(inputs ? { inputs } : {}), ...(label ? { label } : {}), ...(classCounts ? { classCounts } : {}),
    ...(regressionBaseline ? { regressionBaseline } : {}),
  };
}
