// The Models form's class weights: what Training holds for each choice (none leaves `loss` out, as a CLI
// run without --set loss.classWeights), and the message for a custom list that the config would refuse or
// the trainer would reject for its class count, naming the class.
import { describe, expect, it } from 'vitest';
import { LossOptions } from '../../common/runs/config';
import { classWeightsProblem, classWeightsText, modeOf, trainingWithClassWeights, typedWeight, typedWeights } from './class-weights';
import type { TargetClasses } from './target-classes';

const tickets: TargetClasses = { column: 'ticket', names: ['escalated', 'refund', 'resolved'], count: 3 };

describe('class weights in the Training settings', () => {
  it('none removes loss; balanced and a list set loss.classWeights, keeping the other settings', () => {
    const training = { epochs: 3, loss: { classWeights: 'balanced' } };
    expect(trainingWithClassWeights(training, 'none')).toEqual({ epochs: 3 });
    expect(trainingWithClassWeights({ epochs: 3 }, 'balanced')).toEqual(training);
    expect(trainingWithClassWeights(training, [1, 5, 0.5])).toEqual({ epochs: 3, loss: { classWeights: [1, 5, 0.5] } });
    expect([modeOf(undefined), modeOf('none'), modeOf('balanced'), modeOf([1, 2])]).toEqual(['none', 'none', 'balanced', 'custom']);
  });

  it('reads a box as a number, or keeps what was typed', () => {
    expect([typedWeight(' 2.5 '), typedWeight('1e-2'), typedWeight(''), typedWeight('abc')]).toEqual([2.5, 0.01, '', 'abc']);
    expect(typedWeights('1, 5  0.5,')).toEqual([1, 5, 0.5]);
  });
});

describe('classWeightsProblem', () => {
  it('accepts what the run config accepts: one positive weight per class', () => {
    expect(classWeightsProblem([1, 5, 0.5], tickets)).toBeNull();
    expect(LossOptions.safeParse({ classWeights: [1, 5, 0.5] }).success).toBe(true);
    expect(classWeightsProblem('balanced', tickets)).toBeNull();
    expect(classWeightsProblem(undefined, tickets)).toBeNull();
  });

  it('names the class whose weight is wrong, as the config would refuse it', () => {
    for (const [list, message] of [
      [[1, 0, 1], "The weight of class 'refund' must be a positive number (got 0)"],
      [[1, 2, -3], "The weight of class 'resolved' must be a positive number (got -3)"],
      [['abc', 2, 3], "The weight of class 'escalated' must be a positive number (got 'abc')"],
      [[1, '', 3], "Enter a weight for class 'refund'"],
      [[1, 2], "Enter a weight for class 'resolved'"],
    ] as const) {
      expect(classWeightsProblem(list, tickets)).toBe(message);
      expect(LossOptions.safeParse({ classWeights: list }).success && list.length === 3).toBe(false);
    }
  });

  it('says how many weights the classes need when there are more', () => {
    expect(classWeightsProblem([1, 2, 3, 4], tickets)).toBe("4 weights for 3 classes ('escalated', 'refund', 'resolved'): give one weight per class, in that order");
  });

  it('without class names (too many for the statistics, or unknown) numbers the weights', () => {
    expect(classWeightsProblem([1, 0], { column: 'code', names: null, count: 25 })).toBe('Weight 2 must be a positive number (got 0)');
    expect(classWeightsProblem([1, 2], { column: 'code', names: null, count: 25 })).toBe('Enter weight 3');
    expect(classWeightsProblem([3], null)).toBe('Give one weight per class: at least 2');
  });

  it('the Training header names them', () => {
    expect([classWeightsText('balanced'), classWeightsText([1, 5, '']), classWeightsText(undefined), classWeightsText('none')]).toEqual(['class weights balanced', 'class weights 1, 5, ?', null, null]);
  });
});
