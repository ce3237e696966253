// What the UI sees of a dataset: summaries for the list, columns with stats for the schema table,
// preview pages and the validation report. These are LabApi's view; the store may hold more.
import { z } from 'zod';

// Types and roles are the dataset store's vocabulary (common/data/roles), not a second copy.
import { ColumnRole, ColumnTypeName as ColumnType } from '../data/roles';
import { LongFormatReading } from '../data/long-format-reading';
export { ColumnRole, ColumnType };

export const DatasetSummary = z.object({
  id: z.string(),
  name: z.string(),
  rows: z.number().int().nonnegative(),
  columns: z.number().int().nonnegative(),
  /** Where it came from: the file name, or 'demo' for the built-in demo datasets. */
  source: z.string(),
  family: z.string().nullable(),
  createdAt: z.string(),
  bytes: z.number().nonnegative().nullable(),
});
export type DatasetSummary = z.infer<typeof DatasetSummary>;

export const Histogram = z.object({
  /** Bin edges (length counts+1) for numbers and dates; labels for categories. */
  edges: z.array(z.number()).optional(),
  labels: z.array(z.string()).optional(),
  counts: z.array(z.number()),
});

/** Token counts of a column of '|'-separated lists (multi-hot genres): what the multi-hot role would read. */
export const ListTokens = z.object({
  separator: z.string(),
  distinct: z.number().int().nonnegative(),
  meanPerRow: z.number().nonnegative(),
  maxPerRow: z.number().int().nonnegative(),
});

/** A number column's distinct values (exact up to 1,000; 1,001 means more) and whether one has a fraction. */
export const NumberValues = z.object({
  distinct: z.number().int().nonnegative(),
  fractions: z.boolean(),
});

export const ColumnInfo = z.object({
  name: z.string(),
  type: ColumnType,
  /** What the importer inferred; differs from `type` when the user set a type ("(set)" in the schema table). */
  inferredType: ColumnType.optional(),
  role: ColumnRole,
  /** Modality group of the column (fusion datasets), if any. */
  modality: z.string().nullable(),
  missing: z.number().int().nonnegative(),
  distinct: z.number().int().nonnegative().nullable(),
  min: z.union([z.number(), z.string()]).nullable(),
  max: z.union([z.number(), z.string()]).nullable(),
  mean: z.number().nullable(),
  std: z.number().nullable(),
  histogram: Histogram.nullable(),
  /** Only for '|' list columns imported since the importer counts tokens. */
  listTokens: ListTokens.optional(),
  /** Only for number columns imported since the importer counts their values (regression-reading.ts reads it). */
  numberValues: NumberValues.optional(),
  /** Only for boolean columns imported since the importer keeps the file's words ('no'/'yes', '0'/'1'): how runs name the classes. */
  booleanWords: z.object({ false: z.string().optional(), true: z.string().optional() }).optional(),
});
export type ColumnInfo = z.infer<typeof ColumnInfo>;

export const ValidationIssue = z.object({
  kind: z.string(),
  severity: z.enum(['error', 'warning', 'info']),
  count: z.number().int().nonnegative(),
  message: z.string(),
  column: z.string().nullable(),
  examples: z.array(z.string()),
});
export type ValidationIssue = z.infer<typeof ValidationIssue>;

/**
 * How a target becomes a binary label: a numeric one by a threshold (recsys, e.g. rating ≥ 4 -> 1), a
 * two-valued one by naming its positive value (`positive`: 'Charged Off'); null or absent: the target is used as is.
 */
export const LabelRule = z.object({ positiveAtLeast: z.number().finite().nullable(), positive: z.string().min(1).nullable().optional() });
export type LabelRule = z.infer<typeof LabelRule>;

export const DatasetDetail = DatasetSummary.extend({
  columnInfo: z.array(ColumnInfo),
  issues: z.array(ValidationIssue),
  /** Stored with the roles; absent: no rule set. */
  label: LabelRule.optional(),
  /**
   * The long-format layouts the import recognised (its report's), so the Models form counts a long file's
   * times as a run's pivot does. Absent: imported before the importer recorded them (the form then reads the
   * issues, as the lab does for such a dataset).
   */
  longFormat: z.array(LongFormatReading).optional(),
});
export type DatasetDetail = z.infer<typeof DatasetDetail>;

export const DatasetId = z.object({ id: z.string().min(1).max(200) });

export const PreviewRequest = z.object({
  id: z.string().min(1).max(200),
  offset: z.number().int().nonnegative(),
  limit: z.number().int().positive().max(1000),
});
export const Cell = z.union([z.string(), z.number(), z.boolean(), z.null()]);
export const PreviewPage = z.object({
  offset: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  columns: z.array(z.string()),
  rows: z.array(z.array(Cell)),
});
export type PreviewPage = z.infer<typeof PreviewPage>;

export const SetRoles = z.object({ id: z.string().min(1).max(200), roles: z.record(z.string(), ColumnRole),
  /** Modality group per column (fusion models group their inputs by it); null clears it. */
  modalities: z.record(z.string(), z.string().trim().min(1).max(64).nullable()).optional(),
  /** Replaces the stored rule (absent: kept); one rule per target, as `gatelab datasets roles` refuses two. */
  label: LabelRule.refine((r) => r.positiveAtLeast === null || r.positive == null, {
    message: 'positive and positiveAtLeast are two label rules: keep one (positive names a value of a two-valued target; positiveAtLeast thresholds a number)',
  }).optional(),
});

/**
 * Change column types: the dataset is parsed again from its stored original with these types (null: back
 * to the inferred type). `onInvalid` replaces the dataset's policy for values the new type cannot read.
 */
export const SetTypes = z.object({
  id: z.string().min(1).max(200),
  types: z.record(z.string().min(1).max(1000), ColumnType.nullable()),
  onInvalid: z.enum(['reject', 'drop', 'impute']).optional(),
}).strict();
export const TypesChanged = z.object({
  dataset: DatasetDetail,
  /** What changed and what it means for runs, for the confirmation. */
  message: z.string(),
});
export type TypesChanged = z.infer<typeof TypesChanged>;

/** Names are unique: a name another dataset has is refused (runs and the CLI still refer to datasets by id). */
export const RenameDataset = z.object({ id: z.string().min(1).max(200), name: z.string().trim().min(1).max(120) }).strict();
export const DatasetRenamed = z.object({ dataset: DatasetSummary, message: z.string() });

/** What a column holding a list of numbers per row can be read as: the list, or its text. */
const LIST_TYPES: readonly ColumnType[] = ['categorical', 'text', 'vector'];

/**
 * The types a user may pick for a column: only types a re-parse can give it. A vector column (as imported,
 * or set) holds a list per row, which no single number, flag or date stands for; vector is offered besides
 * the others only where the values are lists of numbers written as text ('[0.1, 0.2]').
 */
export function typeChoices(column: { type: ColumnType; inferredType?: ColumnType; sample?: readonly string[] }): ColumnType[] {
  if (column.type === 'vector' || column.inferredType === 'vector') return ColumnType.options.filter((t) => LIST_TYPES.includes(t));
  const lists = column.sample !== undefined && column.sample.length > 0 && column.sample.every((v) => /^\s*\[.*\]\s*$/.test(v));
  return ColumnType.options.filter((t) => t !== 'vector' || lists);
}

// Import: a file path (Electron, CLI, a path on the serve host) or an upload in chunks from the browser.
/** What to do with rows that do not parse (too few or too many fields, a value of the wrong type): stop with a message naming the line (default), drop them, or pad short rows with missing values. */
export const BadRowPolicy = z.enum(['reject', 'drop', 'impute']);
export const ImportFromPath = z.object({ path: z.string().min(1).max(4096), name: z.string().max(200).optional(), onInvalid: BadRowPolicy.optional() });
export const UploadBegin = z.object({ name: z.string().min(1).max(255), size: z.number().int().nonnegative().max(64 * 2 ** 30) });
/** Chunks are base64 so both transports carry them as JSON; keep each under the transport's message limit. */
export const UploadChunk = z.object({ uploadId: z.string(), offset: z.number().int().nonnegative(), data: z.string().max(2_000_000) });
export const UploadFinish = z.object({ uploadId: z.string(), name: z.string().max(200).optional(), onInvalid: BadRowPolicy.optional() });
export const ImportStarted = z.object({ importId: z.string() });
export const ImportId = z.object({ importId: z.string() });

export const ImportProgress = z.object({
  importId: z.string(),
  file: z.string(),
  /** 'queued': waiting for a place (at most 2 imports parse at once; main/lab/lab/imports.ts). */
  phase: z.enum(['uploading', 'queued', 'parsing', 'done', 'failed', 'cancelled']),
  bytes: z.number().nonnegative(),
  totalBytes: z.number().nonnegative(),
  rows: z.number().nonnegative(),
  datasetId: z.string().nullable(),
  error: z.string().nullable(),
  /**
   * With phase 'done': true when the import made a new dataset, false when the file's content already was
   * dataset `datasetId` (the lab keeps one dataset per content). Absent from labs before this field and
   * from other phases; a client then decides from the datasets it knew.
   */
  created: z.boolean().optional(),
  /** With phase 'done': the file's name was taken, so the dataset got another ('textonly (2)'); what to tell the user. */
  nameNote: z.string().optional(),
});
export type ImportProgress = z.infer<typeof ImportProgress>;
