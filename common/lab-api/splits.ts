// Splits as LabApi sees them: the stored splits of a dataset (for the Datasets view's Splits tab and the
// Models form's Split select) and a request to create one. The kinds are common/data/split-spec's, minus
// 'given': its split files are paths the lab reads, so it stays a CLI verb (`gatelab datasets split ID --kind given`).
import { z } from 'zod';

const DatasetRef = z.string().min(1).max(200);

/** Train, validation and test shares: each ≥ 0, train and test > 0, adding up to 1 (within 1e-6). */
export const SplitRatios = z
  .object({
    train: z.number().gt(0, 'train must be more than 0'),
    val: z.number().min(0, 'val must be 0 or more'),
    test: z.number().gt(0, 'test must be more than 0'),
  })
  .strict()
  .refine((r) => Math.abs(r.train + r.val + r.test - 1) <= 1e-6, { message: 'train + val + test must add up to 1' });
export type SplitRatios = z.infer<typeof SplitRatios>;

const seed = z.number().int('the seed must be a whole number').min(0).max(2 ** 31 - 1);
const column = z.string().min(1).max(200);

/** A split the app can create: what `gatelab datasets split --kind ...` takes, except 'given'. */
export const NewSplitSpec = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('ett'), rowsPerHour: z.number().positive().optional() }).strict(),
  z.object({ kind: z.literal('chronological'), ratios: SplitRatios }).strict(),
  z.object({ kind: z.literal('random'), ratios: SplitRatios, seed }).strict(),
  z.object({ kind: z.literal('stratified'), ratios: SplitRatios, column, seed }).strict(),
  z.object({ kind: z.literal('leave-last-out'), userColumn: column, timeColumn: column }).strict(),
]);
export type NewSplitSpec = z.infer<typeof NewSplitSpec>;

export const SplitsListRequest = z.object({ datasetId: DatasetRef }).strict();

export const CreateSplit = z
  .object({
    datasetId: DatasetRef,
    /** Absent: named after its kind ('random', then 'random-2', ...), as the CLI does. An existing name is replaced. */
    name: z.string().trim().min(1, 'the name must have 1 to 60 characters').max(60, 'the name must have 1 to 60 characters').optional(),
    spec: NewSplitSpec,
  })
  .strict();

export const SplitKind = z.enum(['ett', 'chronological', 'random', 'stratified', 'leave-last-out', 'given']);
export type SplitKind = z.infer<typeof SplitKind>;

/** A stored split without its row assignment. `unused`: rows in no part (ETT's rows after 20 months). */
export const SplitInfo = z.object({
  id: z.string(),
  datasetId: z.string(),
  name: z.string(),
  kind: SplitKind,
  /** The stored spec (defaults filled: seed, ratios, the ETT time column). */
  spec: z.record(z.string(), z.unknown()),
  counts: z.object({ train: z.number().int(), val: z.number().int(), test: z.number().int(), unused: z.number().int() }),
  /** Random, stratified and given splits; null for the others. */
  seed: z.number().nullable(),
  createdAt: z.string(),
});
export type SplitInfo = z.infer<typeof SplitInfo>;

export const CreatedSplit = z.object({
  split: SplitInfo,
  /** The split of the same name this one replaced, or null. Runs that named its id can no longer resume. */
  replaced: z.object({ id: z.string() }).nullable(),
});
export type CreatedSplit = z.infer<typeof CreatedSplit>;

/** Delete a stored split by its id (the Splits tab's Delete). Refused while a run names the id (data.splitId). */
export const DeleteSplit = z.object({ datasetId: DatasetRef, id: z.string().regex(/^\d+$/, 'a split id is a whole number (the Id column of the Splits tab)') }).strict();
export const DeletedSplit = z.object({ deleted: z.object({ id: z.string(), name: z.string() }) });
export type DeletedSplit = z.infer<typeof DeletedSplit>;
