// New runs are checked for fields the run or its template does not have (zod would drop them silently).
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { numberRange, parseNewRunConfig } from './new-run-config';
import { closestName, droppedFields } from './dropped-fields';

describe('parseNewRunConfig', () => {
  it('accepts a full template config and fills defaults', () => {
    const c = parseNewRunConfig({ model: { template: 'finalmlp', gate1: { enabled: false } }, optimizer: { lr: 1e-3 }, epochs: 2 });
    expect(c.optimizer.lr).toBe(1e-3);
    expect(c.epochs).toBe(2);
  });

  // `gatelab datasets split` prints "Split 'leave-last-out' (id 1)": a user who gives the name gets the way to the id
  it('data.splitId given a split\'s name: says it takes the id and where the ids are listed', () => {
    expect(() => parseNewRunConfig({ model: { template: 'finalmlp' }, data: { kind: 'dataset', datasetId: 3, splitId: 'leave-last-out' } })).toThrow(
      "run config: data.splitId: \"leave-last-out\" is not a whole number: it takes a whole number ≥ 1, a stored split's id, not its name: gatelab datasets show DATASET lists each split with its id (Split 'NAME' (id N))");
  });

  // README's split table lists leave-last-out and stratified beside random: `--set split=leave-last-out` is the first try
  it('data.split given a kind that is stored with the dataset: says how to store it and train on its id', () => {
    expect(() => parseNewRunConfig({ model: { template: 'finalmlp' }, data: { kind: 'dataset', datasetId: 3, split: 'leave-last-out' } })).toThrow(
      '"leave-last-out" is not one of its values: it takes ett, chronological, random or given; a leave-last-out split is stored with the dataset first: ' +
      'gatelab datasets split 3 --kind leave-last-out --user USER_COLUMN --time TIME_COLUMN prints its id, then train with --set data.splitId=ID');
    expect(() => parseNewRunConfig({ data: { kind: 'dataset', datasetId: 7, split: 'stratified' } })).toThrow(/gatelab datasets split 7 --kind stratified --column COLUMN prints its id/);
    // a kind that is no split at all gets the list only
    expect(() => parseNewRunConfig({ data: { kind: 'dataset', datasetId: 3, split: 'kfold' } })).toThrow(/"kfold" is not one of its values: it takes ett, chronological, random or given$/);
  });

  it('names every dropped field with its nearest known name', () => {
    expect(() => parseNewRunConfig({ epoch: 3 })).toThrow(/unknown field 'epoch' \(the run has no field 'epoch'; did you mean 'epochs'\?\)/);
    expect(() => parseNewRunConfig({ model: { template: 'dlinear', kernal: 25 } })).toThrow(
      /unknown field 'model\.kernal' \(template dlinear has no field 'kernal'; did you mean 'kernel'\?\); gatelab templates dlinear lists its fields/,
    );
    // a gate field of another gate kind
    expect(() => parseNewRunConfig({ model: { template: 'tsmixer-gated', gate: { temperature: 2 } } })).toThrow(/'model\.gate\.temperature'/);
    expect(() => parseNewRunConfig({ optimizer: { lrr: 1 } })).toThrow(/'optimizer\.lrr' \(optimizer has no field 'lrr'; did you mean 'lr'\?\)/);
  });

  it('accepts the data binding\'s label threshold beside the template\'s fields', () => {
    const c = parseNewRunConfig({ model: { template: 'finalmlp', positiveAtLeast: 4 } });
    expect((c.model as { positiveAtLeast?: number }).positiveAtLeast).toBe(4);
    expect(() => parseNewRunConfig({ model: { template: 'finalmlp', positiveAtLeast: 'four' } })).toThrow(/model\.positiveAtLeast: the label threshold must be a number/);
    expect(() => parseNewRunConfig({ model: { template: 'finalmlp', positiveAtleast: 4 } })).toThrow(/did you mean 'positiveAtLeast'\?/);
  });

  it('refuses an unknown template at once', () => {
    expect(() => parseNewRunConfig({ model: { template: 'dlinearr' } })).toThrow(/run config: model\.template: unknown template 'dlinearr'/);
  });

  it('refuses a template field out of its range before queueing, naming the field and what it takes', () => {
    expect(() => parseNewRunConfig({ model: { template: 'gmu', textBuckets: 8 } })).toThrow(
      'run config: model.textBuckets: 8 is out of range: template gmu takes a whole number from 16 to 1,048,576; gatelab templates gmu lists its fields and defaults',
    );
    expect(() => parseNewRunConfig({ model: { template: 'concat-fusion', maxCategories: 0 } })).toThrow(
      'run config: model.maxCategories: 0 is out of range: template concat-fusion takes a whole number from 1 to 1,048,576;',
    );
    // `--set maxCategories=abc` arrives as a string
    expect(() => parseNewRunConfig({ model: { template: 'gmu', maxCategories: 'abc' } })).toThrow(
      'run config: model.maxCategories: "abc" is not a whole number: template gmu takes a whole number from 1 to 1,048,576;',
    );
    expect(() => parseNewRunConfig({ model: { template: 'dlinear', dropout: 1 } })).toThrow(/unknown field 'model\.dropout'/);
    expect(() => parseNewRunConfig({ model: { template: 'mlp', dropout: 1 } })).toThrow('run config: model.dropout: 1 is out of range: template mlp takes a number ≥ 0 and < 1;');
    // inside a gate, and a cross-field check that needs no data (the default heads do not divide the dModel set)
    expect(() => parseNewRunConfig({ model: { template: 'moe-dnn', router: { k: 0 } } })).toThrow('run config: model.router.k: 0 is out of range: template moe-dnn takes a whole number from 1 to 64;');
    expect(() => parseNewRunConfig({ model: { template: 'patch-transformer-gated', dModel: 30 } })).toThrow('run config: model.heads: heads must divide dModel (got dModel=30, heads=4);');
    expect(() => parseNewRunConfig({ model: { template: 'dlinear', kernel: 24 } })).toThrow('run config: model.kernel: kernel must be odd (got 24);');
  });

  it('names every field out of range, one a line', () => {
    expect(() => parseNewRunConfig({ model: { template: 'gmu', textBuckets: 8, maxCategories: -1 } })).toThrow(
      'run config: model.textBuckets: 8 is out of range: template gmu takes a whole number from 16 to 1,048,576\n' +
      'run config: model.maxCategories: -1 is out of range: template gmu takes a whole number from 1 to 1,048,576\n' +
      'gatelab templates gmu lists its fields and defaults',
    );
  });

  it('leaves the fields the dataset fills in, and the checks that read them, to the dataset', () => {
    // the trainer overwrites channels, fields, numeric, modalities and classes from the data (binding.ts dataShape)
    expect(() => parseNewRunConfig({ model: { template: 'dlinear', channels: 0 } })).not.toThrow();
    expect(() => parseNewRunConfig({ model: { template: 'finalmlp', fields: [1], numeric: -3 } })).not.toThrow();
    expect(() => parseNewRunConfig({ model: { template: 'gmu', modalities: [{ name: 'text', dim: 4096 }], classes: 0 } })).not.toThrow();
    // one router expert per modality: three on a three-modality dataset, though the placeholder has two
    expect(() => parseNewRunConfig({ model: { template: 'moe-fusion', router: { experts: 3 } } })).not.toThrow();
    // ... but the number itself is still checked, and so are the other fields of such a config
    expect(() => parseNewRunConfig({ model: { template: 'moe-fusion', router: { experts: 1 } } })).toThrow('run config: model.router.experts: 1 is out of range: template moe-fusion takes a whole number from 2 to 256;');
    expect(() => parseNewRunConfig({ model: { template: 'moe-fusion', router: { experts: 3 }, hiddn: [8] } })).toThrow(/unknown field 'model\.hiddn'/);
    expect(() => parseNewRunConfig({ model: { template: 'dlinear', channels: 0, lookback: 0 } })).toThrow(/^run config: model\.lookback: 0 is out of range: template dlinear takes a whole number from 1 to 4,096;/);
  });

  it('points a template field set under data to the model', () => {
    expect(() => parseNewRunConfig({ model: { template: 'gmu' }, data: { kind: 'dataset', datasetId: 1, textBuckets: 8192 } })).toThrow(
      "run config: unknown field 'data.textBuckets' (a field of template gmu, not of data: --set textBuckets=…, or model.textBuckets in a config file)",
    );
    expect(() => parseNewRunConfig({ model: { template: 'finalmlp' }, data: { kind: 'dataset', datasetId: 1, positiveAtLeast: 4 } })).toThrow(
      "(a field of the model, not of data: --set positiveAtLeast=…, or model.positiveAtLeast in a config file)",
    );
    // a template without the field: nothing to point to
    expect(() => parseNewRunConfig({ model: { template: 'lr' }, data: { kind: 'dataset', datasetId: 1, textBuckets: 8192 } })).toThrow(
      "run config: unknown field 'data.textBuckets' (data has no field 'textBuckets')",
    );
  });

  it('still reports schema errors with the field', () => {
    expect(() => parseNewRunConfig({ optimizer: { lr: -1 } })).toThrow(/run config: optimizer\.lr/);
  });
});

describe('numberRange', () => {
  it('says what a number field takes, open bounds of whole numbers made closed', () => {
    expect(numberRange(z.number().int().min(16).max(1 << 20))).toBe('a whole number from 16 to 1,048,576');
    expect(numberRange(z.number().int().positive())).toBe('a whole number ≥ 1');
    expect(numberRange(z.number().int().lt(10))).toBe('a whole number ≤ 9');
    expect(numberRange(z.number().positive())).toBe('a number > 0');
    expect(numberRange(z.number().min(0).lt(1))).toBe('a number ≥ 0 and < 1');
    expect(numberRange(z.string())).toBe('');
  });
});

describe('droppedFields and closestName', () => {
  it('finds keys missing from the parse, inside objects and arrays, and ignores undefined', () => {
    expect(droppedFields({ a: 1, b: { c: 2, d: 3 }, e: [{ f: 1, g: 2 }], h: undefined }, { a: 1, b: { c: 2 }, e: [{ f: 1 }] })).toEqual(['b.d', 'e[0].g']);
  });
  it('suggests only near names', () => {
    expect(closestName('stauts', ['status', 'group', 'json'])).toBe('status');
    expect(closestName('zzz', ['status', 'group'])).toBeUndefined();
  });
});
