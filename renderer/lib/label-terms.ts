// A binary model's output in the task's terms (Try it): "P(Recommended IND = true)" and "true"/"false",
// not "P(class 1)" and 1/0. The run's trainer says which value is positive when the run starts, and the
// lab keeps it in the run's data summary (`label`: column, positive and negative values, label rule).
// Runs stored before that are read from the data line's label note (common/models/target.ts
// describeTarget: "label: 'clicked' = 1 is positive (0 negative)"), the target column from the column
// snapshot's role "target": read from text, so any line this does not recognise leaves the class
// numbers, never a wrong name.
import type { LabelCoding } from '../../common/trainer-protocol';
import { targetColumn } from '../../common/models/run-target-column';

export interface BinaryTerms {
  /** What the probability is of: "Recommended IND = true", "rating ≥ 4", "sentiment = pos". */
  event: string;
  /** How the predicted and target classes read: [negative (0), positive (1)]. */
  classes: [string, string];
}

/** The data line's label note ("label: …"), up to the next "; " note or the line's end. */
function labelNote(line: string): string | null {
  const at = line.startsWith('label: ') ? 0 : line.indexOf('; label: ');
  if (at < 0) return null;
  const start = at === 0 ? 'label: '.length : at + '; label: '.length;
  // a quoted name may hold "; ": the note ends at the first "; " after "is positive" and its bracket
  const end = /is positive(?: \([^)]*\))?/.exec(line.slice(start));
  return end ? line.slice(start, start + end.index + end[0].length) : null;
}

/** What binaryTerms reads of a run's data summary (RunDataSummary): the trainer's label, else its data line. */
export interface LabelSource {
  line?: string | null;
  label?: LabelCoding;
}

/** A binary label's terms from the trainer's coding; null for k classes. */
function termsOf(l: LabelCoding): BinaryTerms | null {
  if (l.positive === undefined || l.negative === undefined) return null;
  // under a rule the values are the rule's sides ('≥ 4', '< 4'): "rating ≥ 4", not "rating = ≥ 4"
  const event = l.positiveAtLeast !== undefined ? `${l.column} ${l.positive}` : `${l.column} = ${l.positive}`;
  return { event, classes: [l.negative, l.positive] };
}

/**
 * The task's words for a binary run's classes, or null (not a binary label, or an older run's line this
 * does not know). `data`: the run's data summary, or (older callers) its data line alone.
 */
export function binaryTerms(config: Record<string, unknown> | null | undefined, data: LabelSource | string | null | undefined): BinaryTerms | null {
  const source = typeof data === 'string' ? { line: data } : data;
  if (source?.label) return termsOf(source.label);
  return termsFromLine(config, source?.line);
}

/** Runs stored before the label was kept: the data line's label note. */
function termsFromLine(config: Record<string, unknown> | null | undefined, dataLine: string | null | undefined): BinaryTerms | null {
  const note = dataLine ? labelNote(dataLine) : null;
  if (!note) return null;
  let m = /^'(.+)' ≥ (\S+) is positive$/.exec(note);
  if (m) return { event: `${m[1]} ≥ ${m[2]}`, classes: [`< ${m[2]}`, `≥ ${m[2]}`] };
  m = /^'(.+)' = 1 \(true\) is positive$/.exec(note);
  if (m) return { event: `${m[1]} = true`, classes: ['false', 'true'] };
  m = /^'(.+)' = (\S+) is positive \((\S+) negative\)$/.exec(note);
  if (m) return { event: `${m[1]} = ${m[2]}`, classes: [m[3], m[2]] };
  // words: the line names the values, the column snapshot the column
  m = /^'(.+)' is positive \('(.+)' negative\)$/.exec(note);
  if (m) {
    const column = targetColumn(config);
    return { event: column ? `${column} = ${m[1]}` : m[1], classes: [m[2], m[1]] };
  }
  return null;
}
