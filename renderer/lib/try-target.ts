// What Try it says the exported model predicts, in the user's words: "Binary classification of clicked",
// "Forecast of load_1, load_2, load_3 and 4 more", "Regression of price". It said "binary · output logits vs
// target label": the ONNX file's tensor names, which no column of the user's file is called, so the target
// read as a column named "label".
import type { ForecastShape } from './try-rows';

const TASKS: Record<string, string> = { binary: 'Binary classification', multiclass: 'Classification', regression: 'Regression' };
/** A forecast's channels are named this way when the run does not say which columns they are (try-rows forecastShape). */
const UNNAMED_CHANNEL = /^channel \d+$/;
/** Names listed before "and N more": a forecast of 300 channels is one line, not 300 names. */
const SHOWN = 3;

/**
 * A binary row's target as Try it shows it: the class word ('true', '≥ 4'), and under a label rule the rule
 * column's own value beside it ("5 (≥ 4)"), when the lab read it (runs.try's `targetValue`): a 4 on the
 * rule's edge then reads apart from a 5, as `gatelab knockout --rows` shows it.
 */
export function binaryTargetText(word: string, ruleValue?: string | number): string {
  return ruleValue === undefined ? word : `${ruleValue} (${word})`;
}

const listed = (names: readonly string[]) =>
  names.length <= SHOWN ? names.join(', ') : `${names.slice(0, SHOWN).join(', ')} and ${names.length - SHOWN} more`;

/**
 * What the model predicts: the task in words and what of (`target`, the column; a forecast's channels by
 * `shape`); the task alone when the column is not known (a run on synthetic data), never a tensor name.
 */
export function predictsText(task: string, target: string | null, shape: ForecastShape | null = null): string {
  if (shape) {
    const named = shape.names.every((n) => !UNNAMED_CHANNEL.test(n));
    return `Forecast of ${named ? listed(shape.names) : `${shape.channels} ${shape.channels === 1 ? 'channel' : 'channels'}`}`;
  }
  const words = TASKS[task] ?? task.charAt(0).toUpperCase() + task.slice(1);
  return target ? `${words} of ${target}` : words;
}
