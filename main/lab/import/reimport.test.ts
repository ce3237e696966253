// Which options of a repeated import differ from the dataset the first import made.
import { describe, expect, it } from 'vitest';
import { notAppliedMessage, optionsNotApplied, type ImportedDataset } from './reimport';

const dataset: ImportedDataset = {
  id: 7, name: 'sales', format: 'tsv', encoding: 'utf-8', delimiter: '\t', hasHeader: true, importOptions: { onInvalid: 'drop' },
  columns: [{ name: 'store', type: 'int', role: 'feature' }, { name: 'price', type: 'float', role: 'target' }],
};

describe('optionsNotApplied', () => {
  it('lists only what would have changed the dataset, as flags', () => {
    expect(optionsNotApplied({ delimiter: '\t', header: true, onInvalid: 'drop', columnTypes: { price: 'float' }, roles: { price: 'target' }, format: 'tsv' }, dataset)).toEqual([]);
    expect(optionsNotApplied({ delimiter: ',', header: false, encoding: 'latin1', onInvalid: 'reject', target: 'price', name: 'other', columnTypes: { store: 'categorical', price: 'float' }, roles: { store: { role: 'series-id' } } }, dataset))
      .toEqual(['--name other', '--encoding latin1', '--delimiter ,', '--header no', '--on-invalid reject', '--target price', '--types store=categorical', '--roles store=series-id']);
  });

  it('says how to apply them: delete and import again, or set roles in place', () => {
    expect(notAppliedMessage(dataset, ['--types store=categorical'])).toBe("already imported as dataset 7 'sales' with the same content; the options --types store=categorical were not applied. To import it with them, delete it first (gatelab datasets delete 7), then import again.");
    expect(notAppliedMessage(dataset, ['--roles store=series-id'])).toMatch(/not applied\. Roles can be set in place: gatelab datasets roles 7 column=role$/);
  });
});
