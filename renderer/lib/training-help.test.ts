// The Training fold-out as a new user meets it: a hint under every field (what a blank Max steps means),
// and the fields the current optimizer and schedule ignore disabled, with why, so a user does not tune
// Momentum under adamw or a decay factor under a constant schedule and wonder why nothing changes.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/svelte';
import SchemaForm from '../components/SchemaForm.svelte';
import { TRAINING_SCHEMA, TrainingSettings } from '../stores/models.svelte';
import { TRAINING_HELP, trainingOff, withHelp } from './training-help';
import { learningRate } from '../../common/runs/schedule';
import type { JsonSchema } from './json-schema';

afterEach(() => cleanup());

const defaults = () => TrainingSettings.parse({}) as Record<string, unknown>;
const leaves = (s: JsonSchema, at = ''): string[] => Object.entries(s.properties ?? {}).flatMap(([k, c]) => (c.properties ? leaves(c, `${at}${k}.`) : [`${at}${k}`]));
const helpOf = (input: HTMLElement) => input.closest('.field')!.querySelector('.help')?.textContent;

describe('Training hints', () => {
  it('every field of the Training settings has one, and only fields that exist have one', () => {
    const fields = leaves(TRAINING_SCHEMA as JsonSchema).filter((f) => !f.startsWith('loss.'));
    for (const f of fields) expect(TRAINING_HELP[f], f).toBeTruthy();
    for (const f of Object.keys(TRAINING_HELP)) expect(fields, f).toContain(f);
  });

  it('shows them under the fields, Max steps saying what blank means', () => {
    render(SchemaForm, { schema: withHelp(TRAINING_SCHEMA as JsonSchema), value: defaults(), onchange: () => {}, skip: ['loss'] });
    expect(helpOf(screen.getByLabelText('Max steps'))).toBe(TRAINING_HELP.maxSteps);
    expect(TRAINING_HELP.maxSteps).toMatch(/blank: no cap/);
    expect(helpOf(screen.getByLabelText('Warm-up steps'))).toBe(TRAINING_HELP['schedule.warmupSteps']);
  });
});

describe('fields that do nothing with the current choices', () => {
  it('adamw and a constant schedule: Momentum, Step size, Decay factor and the final factor are off, with why', () => {
    const value = defaults();
    render(SchemaForm, { schema: withHelp(TRAINING_SCHEMA as JsonSchema), value, off: trainingOff(value), onchange: () => {}, skip: ['loss'] });
    for (const label of ['Momentum', 'Step size (steps)', 'Decay factor (γ)', 'Final learning-rate factor']) {
      expect((screen.getByLabelText(label) as HTMLInputElement).disabled, label).toBe(true);
    }
    expect(screen.getByTestId('off-optimizer.momentum').textContent).toBe("Not used by adamw: momentum is SGD's (Adam keeps its own running averages, β1 and β2)");
    expect(screen.getByTestId('off-schedule.gamma').textContent).toMatch(/^Not used by the constant schedule/);
    // warm-up works under every schedule: it stays on
    for (const label of ['Warm-up steps', 'Adam β1', 'Learning rate']) expect((screen.getByLabelText(label) as HTMLInputElement).disabled, label).toBe(false);
  });

  it('follows the choices: sgd turns the Adam betas off and Momentum on; cosine its final factor on', () => {
    const value = { ...defaults(), optimizer: { ...(defaults().optimizer as object), kind: 'sgd' }, schedule: { ...(defaults().schedule as object), kind: 'cosine' } };
    expect(Object.keys(trainingOff(value)).sort()).toEqual(['optimizer.beta1', 'optimizer.beta2', 'schedule.gamma', 'schedule.stepSize']);
    const step = { ...defaults(), schedule: { ...(defaults().schedule as object), kind: 'step' } };
    expect(Object.keys(trainingOff(step)).sort()).toEqual(['optimizer.momentum', 'schedule.minFactor']);
  });

  it('is the trainer’s rule: under a constant schedule the decay fields change no learning rate, warm-up does', () => {
    const base = TrainingSettings.parse({}).schedule;
    const lrs = (s: typeof base) => [0, 5, 500, 5000].map((k) => learningRate(1, s, k, 10_000));
    expect(lrs({ ...base, gamma: 0.1, stepSize: 1, minFactor: 0.5 })).toEqual(lrs(base));
    expect(lrs({ ...base, warmupSteps: 100 })).not.toEqual(lrs(base));
  });
});
