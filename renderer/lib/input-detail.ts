// What the diagram's input block says while the chosen dataset cannot feed the template. It said "no usable
// columns in this dataset" for every such case, also for a file of four good columns that only lacks a
// target (a new import before its roles are set): the block names what is missing instead, in the words of
// the trainer's own rule (common/models/binding: defaultBinding), and keeps "no usable columns" for a
// dataset whose columns are all left out. The note under the tabs says what to set, and where.
import { defaultBinding } from '../../common/models/binding';
import type { DatasetDetail, Family } from '../../common/lab-api';

const plural = (n: number, word: string) => `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;

/** The input block's detail for `dataset`, which cannot feed a `family` model as its roles stand. */
export function unfedInputDetail(family: Family, dataset: Pick<DatasetDetail, 'columnInfo'> | null | undefined): string {
  const columns = dataset?.columnInfo ?? [];
  const used = columns.filter((c) => c.role !== 'ignore');
  if (!used.length) return 'no usable columns in this dataset';
  const n = plural(used.length, 'column');
  if (family !== 'forecasting' && !used.some((c) => c.role === 'target')) return `${n}, no target set yet`;
  try {
    defaultBinding(family, columns.map((c) => ({ name: c.name, type: c.type, role: c.role, modality: c.modality ?? null })));
  } catch (e) {
    // "a recommendation (CTR) model needs categorical fields: gatelab …" → "needs categorical fields"
    const msg = (e as Error).message;
    if (/^no numeric columns to forecast/.test(msg)) return `${n}, none of them numbers to forecast`;
    const needs = /\bneeds? ([^:;(]+)/.exec(msg)?.[0].trim();
    if (needs) return `${n}; the model ${needs}`;
  }
  return `${n}; their roles do not fit yet`;
}
