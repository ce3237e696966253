// What a column is for. Shared by the store, the UI forms and the trainer's batch builders.
import { z } from 'zod';

export const COLUMN_ROLES = ['feature', 'target', 'time', 'series-id', 'categorical', 'multi-hot', 'ignore'] as const;
export const ColumnRole = z.enum(COLUMN_ROLES);
export type ColumnRole = z.infer<typeof ColumnRole>;

export const COLUMN_TYPES = ['int', 'float', 'categorical', 'boolean', 'datetime', 'text', 'vector'] as const;
export const ColumnTypeName = z.enum(COLUMN_TYPES);
export type ColumnTypeName = z.infer<typeof ColumnTypeName>;

/** The model family a dataset is meant for (a hint: any dataset can feed any family that fits). */
export const DatasetFamily = z.enum(['forecasting', 'recsys', 'fusion']);
export type DatasetFamily = z.infer<typeof DatasetFamily>;
