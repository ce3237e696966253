// Where a "Try it" row comes from in the user's own data, so a prediction can be checked against the raw
// file: the dataset row (0-based, as pandas numbers a CSV's rows), the file line when the import makes it
// certain, and the time column's value. A forecast is placed by its first predicted step, with the first and
// last rows its lookback reads. Optional in TryResult: a run on synthetic data has no file to point into.
import { z } from 'zod';
import { RowNumbering } from './row-numbering';

/** One dataset row in the user's terms. */
export const TryPoint = z.object({
  /** 0-based row of the dataset (the header and blank lines not counted). */
  row: z.number().int().nonnegative(),
  /** 1-based line of the imported file; null when the import does not tell (see TrySources.linesNote). */
  line: z.number().int().positive().nullable(),
  /** The time column's value at this row, as the dataset preview shows it; null without a time column. */
  time: z.string().nullable(),
});
export type TryPoint = z.infer<typeof TryPoint>;

/** A Try it row's place in the data: the row itself, or a forecast's first predicted step and its lookback. */
export const TryRowSource = TryPoint.extend({
  lookback: z.object({ first: TryPoint, last: TryPoint }).optional(),
});
export type TryRowSource = z.infer<typeof TryRowSource>;

/** What the rows' sources mean, once per result. */
export const TrySources = z.object({
  /** Why the rows are not placed in the data (a run on synthetic data...); null when each row has its source. */
  problem: z.string().nullable(),
  /** The imported file's name. */
  file: z.string().nullable(),
  /** What a dataset row number is in terms of that file, in the command line's 0-based words (`gatelab split RUN`'s). */
  rowNote: z.string().nullable(),
  /**
   * The same as facts (null with a problem), which the app words 1-based as it shows rows
   * (row-numbering.ts rowNumberWords). Absent from labs before it was sent.
   */
  rowNumbering: RowNumbering.nullable().optional(),
  /** Why file lines are not given (rows dropped at import whose lines are not recorded...); null when they are. */
  linesNote: z.string().nullable(),
  /** The time column whose values the rows show; null without one. */
  timeColumn: z.string().nullable(),
});
export type TrySources = z.infer<typeof TrySources>;
