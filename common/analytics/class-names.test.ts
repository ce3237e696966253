// One rule names a class for Try it, its What if and `gatelab knockout --rows`: by the run's class names when
// they are this model's (as many as its outputs), else "class i".
import { describe, expect, it } from 'vitest';
import { className, modelClassNames, runClassNames } from './class-names';

describe('class names', () => {
  const ratings = ['1', '2', '3', '4', '5'];

  it("names a class by what the target holds when the list is the model's, else numbers it", () => {
    expect(className(2, ratings, 5)).toBe('3');
    expect(className(2, ratings)).toBe('3');
    // a list of another length than the model's outputs would name class 2 by another class's value
    expect(className(2, ratings, 3)).toBe('class 2');
    expect(className(2, null, 3)).toBe('class 2');
    expect(modelClassNames(ratings, 5)).toEqual(ratings);
    expect(modelClassNames(ratings, 4)).toBeNull();
    expect(modelClassNames(undefined)).toBeNull();
  });

  it("reads the trainer's label coding first, then the per-class test table", () => {
    expect(runClassNames({ classes: ['ham', 'spam'] }, { classes: [{ name: 'x' }, { name: 'y' }] } as never)).toEqual(['ham', 'spam']);
    expect(runClassNames(undefined, { classes: [{ name: 'x' }, { name: 'y' }] } as never)).toEqual(['x', 'y']);
    expect(runClassNames({}, null)).toBeNull();
  });
});
