// `datasets roles ID loan_status=target --positive 'Charged Off'`: the value checked against the target's stored
// values (listed when it is not one), stored with the label rule, and given to every new run on the dataset.
import { describe, expect, it } from 'vitest';
import { checkPositiveValue, storePositiveValue, typedPositive } from './datasets-positive-value';
import { LabelRules } from '../lab/lab/label-rules';
import type { Dataset } from '../lab/datasets/registry';
import type { LabStore } from '../lab/store/index';

const loanStatus = { name: 'loan_status', type: 'categorical', role: 'feature', stats: { cardinality: 2, topValues: [{ value: 'Fully Paid', count: 255 }, { value: 'Charged Off', count: 45 }] } };
const dataset = (target?: string) => ({ id: 5, name: 'loan', columns: [{ name: 'amount', type: 'float', role: 'feature', stats: {} }, { ...loanStatus, role: target === 'loan_status' ? 'target' : 'feature' }] }) as unknown as Dataset;
const storeOf = () => { const m = new Map<string, unknown>(); return { settings: { get: <T>(k: string, f: T) => (m.has(k) ? m.get(k) as T : f), set: (k: string, v: unknown) => { m.set(k, v); } } } as unknown as LabStore; };

describe('--positive VALUE', () => {
  it('reads the value as typed; none removes it; a bare flag is refused', () => {
    expect(typedPositive('Charged Off')).toBe('Charged Off');
    expect(typedPositive('none')).toBeNull();
    expect(typedPositive(undefined)).toBeUndefined();
    expect(() => typedPositive(true)).toThrow(/--positive takes the target's value that counts as positive/);
  });

  it('refuses a value the target does not hold (listing its values), no target, or a threshold beside it', () => {
    const roles = [{ column: 'loan_status', role: 'target' as const }];
    expect(() => checkPositiveValue(dataset(), roles, 'Charged Off', undefined, '5')).not.toThrow();
    expect(() => checkPositiveValue(dataset(), roles, 'charged off', undefined, '5'))
      .toThrow("--positive 'charged off': the target 'loan_status' holds no such value; its values: 'Charged Off', 'Fully Paid' (write it exactly, case and spaces included)");
    expect(() => checkPositiveValue(dataset(), [], 'Charged Off', undefined, '5'))
      .toThrow("--positive 'Charged Off' needs a target to read it on, and dataset 5 'loan' has none: name its column, e.g. gatelab datasets roles 5 COLUMN=target --positive 'Charged Off'");
    expect(() => checkPositiveValue(dataset('loan_status'), [], 'Charged Off', 4, '5')).toThrow(/two label rules: keep one/);
  });

  it('stores it with the label rule, so a new run on the dataset gets model.positive; a new target drops it', () => {
    const store = storeOf();
    expect(storePositiveValue(store, dataset(), dataset('loan_status'), 'Charged Off'))
      .toBe("label: 'loan_status' = 'Charged Off' is positive (1), the other value negative (0), for every new run on this dataset (--set positive=… on a run overrides it)");
    const rules = new LabelRules(store.settings);
    expect(rules.applyTo('5', { template: 'gmu' })).toEqual({ template: 'gmu', positive: 'Charged Off' });
    // the run's own choice wins
    expect(rules.applyTo('5', { template: 'gmu', positive: 'Fully Paid' })).toEqual({ template: 'gmu', positive: 'Fully Paid' });
    const moved = { ...dataset(), columns: [{ name: 'amount', type: 'float', role: 'target' }, loanStatus] } as unknown as Dataset;
    expect(storePositiveValue(store, dataset('loan_status'), moved, undefined)).toBe("positive value 'Charged Off' removed: it was for 'loan_status', which is no longer the target");
    expect(rules.applyTo('5', { template: 'gmu' })).toEqual({ template: 'gmu' });
  });
});
