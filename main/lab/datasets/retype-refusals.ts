// Why a column cannot take a type, and what to do instead: the messages of the type changes the lab refuses
// before parsing (typeChoices says no) or after (the new parse did not give the type asked for).
import type { ColumnTypeName } from '../../../common/data/roles';
import type { Dataset } from './registry';

type Column = Dataset['columns'][number];

const list = (xs: readonly string[]) => xs.join(', ');
const dimOf = (c: Column) => (c.stats as { dim?: number }).dim;

/**
 * What a .npy vector column is, for a user who wants its numbers as columns: a 2-D matrix imports as one
 * column per matrix column today, so a dataset that holds one as a vector predates that and is imported again.
 */
function npyAdvice(d: Dataset): string {
  return ` A 2-D .npy matrix [rows, C] is imported as C columns (column_1, column_2, ...): if ${d.sourceName} is 2-D, dataset ${d.id} was imported before GateLab read matrices that way; delete it (gatelab datasets delete ${d.id}) and import the file again. If it is 3-D, save it 2-D (np.save(path, x.reshape(len(x), -1))) and import that.`;
}

/** A type typeChoices does not offer for the column. */
export function typeNotOffered(d: Dataset, c: Column, type: ColumnTypeName, choices: readonly ColumnTypeName[]): string {
  if (c.type === 'vector' || c.inferredType === 'vector') {
    const dim = dimOf(c);
    const held = `a vector column (${dim ? `${dim.toLocaleString('en-US')} numbers` : 'a list of numbers'} per row)`;
    return `column '${c.name}' of dataset ${d.id} '${d.name}' is ${held} and cannot be ${type}: a row holds a list, not one ${type} value. Nothing was changed. Choose one of ${list(choices)}.${d.format === 'npy' ? npyAdvice(d) : ''}`;
  }
  const npy = d.format === 'npy' && type === 'vector'
    ? `. A .npy file holds a vector per row only when it is 3-D or more: to have the matrix as one vector column, save it with np.save(path, x[:, None, :]) and import that`
    : '';
  return `column '${c.name}' cannot be ${type}: its values are not lists of numbers like [0.1, 0.2]. Choose one of ${list(choices)}${npy}`;
}

/** The parse with the new type read the column as something else: the change is not made (never stored). */
export function typeNotHonoured(d: Dataset, c: Column, asked: ColumnTypeName, got: string): string {
  return `column '${c.name}' cannot be ${asked}: parsing ${d.sourceName} again with that type reads it as ${got} (it is ${c.type}). Nothing was changed. Choose another type, or import the file again with the type it should have`;
}
