// How a dataset is split, as data (zod): stored with the split, shown in the UI, passed to trainers.
import { z } from 'zod';

export const Ratios = z
  .object({ train: z.number().min(0).max(1), val: z.number().min(0).max(1), test: z.number().min(0).max(1) })
  .refine((r) => Math.abs(r.train + r.val + r.test - 1) < 1e-9, { message: 'train + val + test must add up to 1' });
export type Ratios = z.infer<typeof Ratios>;

const seed = z.number().int().default(42);

export const SplitSpec = z.discriminatedUnion('kind', [
  /**
   * Chronological with generic ratios (Time-Series-Library "custom": int(0.7n), int(0.2n), rest): by row
   * order, or, with `timeColumn`, by that column's times (stable: equal times keep row order; rows without a
   * time last), so an unsorted file cannot put earlier rows in test than in train. Forecasting stays by row
   * order (its windows read rows in file order); recommendation and fusion runs order by their time column.
   */
  z.object({ kind: z.literal('chronological'), ratios: Ratios.default({ train: 0.7, val: 0.1, test: 0.2 }), timeColumn: z.string().optional() }),
  /**
   * The ETT protocol: 12 / 4 / 4 months by rows (30-day months); later rows unused. A month's rows follow
   * from `rowsPerHour` when given (4 for ETTm's 15-minute data), else from the typical step of
   * `timeColumn`, else one row per hour. Inferring it matters: read as hourly, 15-minute data would train
   * on 3 months instead of 12 and no longer match the published ETTm protocol. `refuseCoarse` (set on new
   * splits and runs) refuses steps longer than a day, whose 30-day "months" would be a handful of rows;
   * splits of runs from before keep being computed as they were trained.
   */
  z.object({ kind: z.literal('ett'), rowsPerHour: z.number().positive().optional(), timeColumn: z.string().optional(), refuseCoarse: z.boolean().optional() }),
  /** Seeded random assignment with the given ratios. */
  z.object({ kind: z.literal('random'), ratios: Ratios, seed }),
  /**
   * Seeded random per class of `column`, so each part keeps the class proportions. `allocation` is the rule
   * that sizes each class's parts (common/data/split.ts STRATIFY_RULES): 'part-totals' (new splits and runs)
   * makes the part totals match the ratios across classes; absent, 'per-class', the rule of splits and runs
   * made before it was recorded (each class rounded alone, leftovers to validation first), which they keep.
   */
  z.object({ kind: z.literal('stratified'), ratios: Ratios, column: z.string(), seed, allocation: z.enum(['per-class', 'part-totals']).optional() }),
  /** Per user: the latest interaction is test, the one before validation, the rest train. */
  z.object({ kind: z.literal('leave-last-out'), userColumn: z.string(), timeColumn: z.string(), validation: z.boolean().default(true) }),
  /**
   * Given split files (e.g. MovieLens u1.base / u1.test): rows are matched to the files by the values
   * of `keyColumns` (all columns when absent); validation is carved from train by a seeded fraction.
   */
  z.object({
    kind: z.literal('given'),
    files: z.object({ train: z.string(), test: z.string(), val: z.string().optional() }),
    keyColumns: z.array(z.string()).optional(),
    validationFraction: z.number().min(0).max(0.9).default(0.1),
    seed,
  }),
]);
export type SplitSpec = z.infer<typeof SplitSpec>;
export type SplitSpecInput = z.input<typeof SplitSpec>;

/** Part codes in a split assignment (one byte per row). */
export const TRAIN = 0;
export const VAL = 1;
export const TEST = 2;
export const UNUSED = 3;
export const PART_NAMES = ['train', 'val', 'test'] as const;
export type PartName = (typeof PART_NAMES)[number];

export interface SplitResult {
  /** Per row: TRAIN, VAL, TEST or UNUSED. */
  assignment: Uint8Array;
  counts: { train: number; val: number; test: number };
  /** Chronological splits: half-open row ranges [start, end) of each part. */
  ranges: Record<PartName, [number, number]> | null;
}
