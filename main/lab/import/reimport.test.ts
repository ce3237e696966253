// Which options of a repeated import differ from the dataset the first import made.
import { describe, expect, it } from 'vitest';
import { notAppliedMessage, optionsNotApplied, type ImportedDataset } from './reimport';

const dataset: ImportedDataset = {
  id: 7, name: 'sales', format: 'tsv', encoding: 'utf-8', delimiter: '\t', hasHeader: true, importOptions: { onInvalid: 'drop' },
  columns: [{ name: 'store', type: 'int', role: 'feature' }, { name: 'price', type: 'float', role: 'target' }],
};

const dated = (note: string | null, importOptions: Record<string, unknown> = {}): ImportedDataset => ({
  ...dataset, importOptions,
  columns: [{ name: 'date', type: 'datetime', role: 'time' }, { name: 'v', type: 'float', role: 'feature' }],
  validation: { issues: note ? [{ kind: 'note', column: 'date', message: note }] : [] },
});

describe('--date-order given again', () => {
  const dayFirst = "column 'date': slashed dates such as '01/07/2016 00:00' read either way; read day-first (DD/MM/YYYY), since its time steps are regular (read month-first, 2 of 71 steps would jump, e.g. by 30 days). To read them month-first (MM/DD/YYYY), import with --date-order mdy";
  it('is named when it differs from the order the dates were read in (forced, or the import note\'s)', () => {
    expect(optionsNotApplied({ dateOrder: 'mdy' }, dated(dayFirst))).toEqual(['--date-order mdy']);
    expect(optionsNotApplied({ dateOrder: 'dmy' }, dated(dayFirst))).toEqual([]);
    expect(optionsNotApplied({ dateOrder: 'dmy' }, dated(null, { dateOrder: 'mdy' }))).toEqual(['--date-order dmy']);
    expect(optionsNotApplied({ dateOrder: 'mdy' }, dated(null, { dateOrder: 'mdy' }))).toEqual([]);
    expect(optionsNotApplied({ dateOrder: 'dmy' }, dated("column 'date': the first rows allowed month-first dates, but line 14 has '13/01/2024': read as day-first dates (DD/MM/YYYY)"))).toEqual([]);
  });

  it('is not named for a file without slashed dates (ISO dates read the same in every order)', () => {
    expect(optionsNotApplied({ dateOrder: 'mdy' }, dated(null), { slashedDates: false })).toEqual([]);
    expect(optionsNotApplied({ dateOrder: 'dmy' }, dated(null, { dateOrder: 'mdy' }), { slashedDates: false })).toEqual([]);
    expect(optionsNotApplied({ dateOrder: 'mdy', onInvalid: 'impute' }, dated(null), { slashedDates: false })).toEqual(['--on-invalid impute']);
    expect(optionsNotApplied({ dateOrder: 'mdy' }, dated(null), { slashedDates: true })).toEqual(['--date-order mdy']);
  });

  it('says it cannot be changed in place and how to apply it, with --yes and what runs keep when runs use the dataset', () => {
    expect(notAppliedMessage(dataset, ['--date-order mdy'])).toBe("already imported as dataset 7 'sales' with the same content; the options --date-order mdy were not applied. To import it with them, delete it first (gatelab datasets delete 7), then import again (--date-order cannot be changed in place: gatelab datasets types keeps the options the file was first read with).");
    expect(notAppliedMessage(dataset, ['--date-order mdy'], 2)).toContain('delete it first (gatelab datasets delete 7 --yes; 2 runs use it and keep their results, but lose Try it, knockouts and gate reports), then import again');
  });
});

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

  it('--name alone points to rename, never to deleting the dataset (its runs would lose Try it and knockouts)', () => {
    expect(notAppliedMessage(dataset, ['--name foo'], 3)).toBe("already imported as dataset 7 'sales' with the same content; the option --name foo was not applied. To give it the name 'foo', rename it: gatelab datasets rename 7 foo.");
    expect(notAppliedMessage(dataset, ['--name my sales'])).toContain("rename it: gatelab datasets rename 7 'my sales'.");
    // with options that need a new import, the name still goes by rename
    const both = notAppliedMessage(dataset, ['--name foo', '--types store=categorical']);
    expect(both).toContain('the options --name foo, --types store=categorical were not applied. To give it the name \'foo\', rename it: gatelab datasets rename 7 foo. To import it with them, delete it first');
  });
});
