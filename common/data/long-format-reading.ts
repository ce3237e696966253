// A long-format file as the importer recognised it (workers/import/table-shape.ts noteLongFormat), kept as data
// in the import's validation report (meta.json and the lab's record hold the same report). Runs, the lab and the
// Models form read the layout and the pivot's time count from here: a note's words are for people and may be
// reworded, and a count derived again elsewhere (rows less repeats) could differ from the one the pivot lines
// the series up on. Declared once with zod: the lab hands it to the app as part of a dataset's detail.
import { z } from 'zod';

export const LongFormatReading = z.object({
  /** The datetime column whose times repeat, about once per series. */
  time: z.string(),
  /** The categorical column with as many values as rows per time: it tells the series apart (the import's note names it). */
  series: z.string(),
  /** Other categorical columns with as many values: while one of them is in use a run cannot tell which is the series, and asks. Absent: none. */
  alike: z.array(z.string()).optional(),
  /** Distinct times in `time`, missing ones aside: the rows a run's pivot lines the series up on (common/data/forecasting-long.ts). */
  times: z.number().int().nonnegative(),
});
export type LongFormatReading = z.infer<typeof LongFormatReading>;

const Readings = z.array(LongFormatReading);

/**
 * The readings a validation report recorded (one per datetime column read as long format; [] none), or
 * undefined for a report without them: a dataset imported before the importer recorded them, or a damaged
 * record (then the caller's legacy reading applies rather than a layout made up from bad data).
 */
export function recordedLongFormat(validation: unknown): LongFormatReading[] | undefined {
  const recorded = (validation as { longFormat?: unknown } | null | undefined)?.longFormat;
  if (recorded === undefined) return undefined;
  const parsed = Readings.safeParse(recorded);
  return parsed.success ? parsed.data : undefined;
}
