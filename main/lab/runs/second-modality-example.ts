// A gated fusion (gmu, moe-fusion, gated-cross-attention) refused on a one-modality dataset advises giving
// another column group a modality. Written as a placeholder (`<column>=feature:<modality>`) the command fails
// when pasted; written on the user's own columns it runs, and shows what a modality is: a group of inputs of
// one kind (the text apart from the numbers, the categories apart from the measurements).
import { modalityAssignmentWord } from '../../../common/models/modality-assignment';

interface Column { name: string; type: string; role: string }

/** `column=role:group` that splits `modality` (its columns, by name) in two, or null when it has one column. */
export function secondModalityExample(columns: readonly Column[], modality: { columns: readonly string[] }): string | null {
  const inModality = modality.columns.map((n) => columns.find((c) => c.name === n)).filter((c): c is Column => c !== undefined);
  if (inModality.length < 2) return null;
  const kinds = (c: Column) => (c.type === 'text' ? 'text' : c.type === 'categorical' || c.type === 'boolean' || c.role === 'categorical' || c.role === 'multi-hot' ? 'categories' : 'numbers');
  // a kind the others are not: the text among numbers, the categories among measurements
  const odd = ['text', 'categories', 'numbers'].map((k) => inModality.filter((c) => kinds(c) === k)).find((g) => g.length > 0 && g.length < inModality.length);
  const pick = odd?.[0] ?? inModality[inModality.length - 1];
  return modalityAssignmentWord({ column: pick.name, role: pick.role, group: odd ? kinds(pick) : 'group2' });
}
