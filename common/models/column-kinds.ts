// What kind of column a column is, as the bindings read it (./binding.ts) and their refusals name it
// (./forecast-fit.ts): numbers, coded strings, and which one is the time.
import type { ColumnTypeName } from '../data';

export const NUMERIC = new Set<ColumnTypeName>(['int', 'float']);
/** Coded (string) columns: a multi-hot over one of them splits its values on '|'. */
export const CODED = new Set<string>(['categorical', 'text']);

/** The dataset's time column: the one with role 'time', else the first datetime column; never an ignored one. */
export function timeColumnOf(columns: ReadonlyArray<{ name: string; type: string; role: string }>): string | undefined {
  const used = columns.filter((c) => c.role !== 'ignore');
  return (used.find((c) => c.role === 'time') ?? used.find((c) => c.type === 'datetime'))?.name;
}
