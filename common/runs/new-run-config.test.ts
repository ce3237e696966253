// New runs are checked for fields the run or its template does not have (zod would drop them silently).
import { describe, expect, it } from 'vitest';
import { parseNewRunConfig } from './new-run-config';
import { closestName, droppedFields } from './dropped-fields';

describe('parseNewRunConfig', () => {
  it('accepts a full template config and fills defaults', () => {
    const c = parseNewRunConfig({ model: { template: 'finalmlp', gate1: { enabled: false } }, optimizer: { lr: 1e-3 }, epochs: 2 });
    expect(c.optimizer.lr).toBe(1e-3);
    expect(c.epochs).toBe(2);
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

  it('still reports schema errors with the field', () => {
    expect(() => parseNewRunConfig({ optimizer: { lr: -1 } })).toThrow(/run config: optimizer\.lr/);
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
