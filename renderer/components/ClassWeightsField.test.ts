// A class's weight box, corrected while it has focus: its error goes as soon as the box holds a good
// weight, not when the box loses focus (the problem is the view's, from class-weights.ts, on each value).
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import ClassWeightsField from './ClassWeightsField.svelte';
import { classWeightsProblem } from '../lib/class-weights';
import type { TargetClasses } from '../lib/target-classes';

afterEach(() => cleanup());

describe('a custom class weight while it is typed', () => {
  it('is taken once it is a number as written, so its error clears without a blur', async () => {
    const classes: TargetClasses = { column: 'churned', names: ['no', 'yes'], count: 2 };
    let weights: unknown = [1, -2];
    const props = () => ({ classes, weights, problem: classWeightsProblem(weights, classes), onchange: (w: unknown) => { weights = w; } });
    const { rerender } = render(ClassWeightsField, props());
    expect(screen.getByTestId('class-weights-error')).toBeTruthy();
    const box = screen.getByLabelText('Weight of class yes') as HTMLInputElement;
    box.focus();
    await fireEvent.input(box, { target: { value: '3.' } }); // half-typed: left to the blur
    expect(weights).toEqual([1, -2]);
    await fireEvent.input(box, { target: { value: '3.5' } });
    expect(weights).toEqual([1, 3.5]);
    await rerender(props());
    expect(screen.queryByTestId('class-weights-error')).toBeNull();
  });
});
