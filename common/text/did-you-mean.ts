// A column name typed with a slip (`--target lable`, `datasets roles 5 Lable=target`) is refused with the
// list of columns; on a table of dozens the one meant is hard to spot, so the refusal names it first.
import { closestName } from '../runs/dropped-fields';

/** " (did you mean 'label'?)" for the name among `names` closest to `typed`, or '' when none is near. */
export function didYouMean(typed: string, names: readonly string[]): string {
  const near = closestName(typed, names);
  return near === undefined ? '' : ` (did you mean '${near}'?)`;
}
