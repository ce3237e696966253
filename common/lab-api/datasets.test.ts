// typeChoices: the schema table's type menu and the lab's check before a re-parse offer only types the
// column can become. A vector column holds a list per row: never int/float/boolean/datetime.
import { describe, expect, it } from 'vitest';
import { typeChoices } from './datasets';

describe('typeChoices', () => {
  it('offers a vector column (imported or set) only what a list can be read as', () => {
    expect(typeChoices({ type: 'vector', inferredType: 'vector' })).toEqual(['categorical', 'text', 'vector']);
    // set to text, imported as vector: it can go back
    expect(typeChoices({ type: 'text', inferredType: 'vector' })).toEqual(['categorical', 'text', 'vector']);
    expect(typeChoices({ type: 'vector', inferredType: 'vector' })).not.toContain('float');
  });

  it('offers a number column every type but vector', () => {
    expect(typeChoices({ type: 'float', inferredType: 'float', sample: ['0.5', '1.5'] })).toEqual(['int', 'float', 'categorical', 'boolean', 'datetime', 'text']);
    expect(typeChoices({ type: 'int' })).toEqual(['int', 'float', 'categorical', 'boolean', 'datetime', 'text']);
  });

  it('adds vector for text whose values are all lists of numbers', () => {
    expect(typeChoices({ type: 'text', inferredType: 'text', sample: ['[0.1, 0.2]', ' [3, 4] '] })).toContain('vector');
    expect(typeChoices({ type: 'text', inferredType: 'text', sample: ['[0.1, 0.2]', 'plain words'] })).not.toContain('vector');
    expect(typeChoices({ type: 'categorical', sample: [] })).not.toContain('vector');
  });
});
