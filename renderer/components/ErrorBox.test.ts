// Errors as the app shows them, from a real Lab (child process, temp home): the lab prefixes a refusal
// with its LabApi channel ("splits.create: …", for the CLI and logs); the UI's LabApi and ErrorBox drop
// that method name, so "Create split:" is followed by the lab's reason in the user's words (audit A20).
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/svelte';
import { openLabStores, type LabProcess } from '../fixtures/lab-stores';
import { inProcessLab } from '../lib/in-process-lab';
import { withoutChannel } from '../lib/user-errors';
import { LabError } from '../../common/lab-api';
import ErrorBox from './ErrorBox.svelte';

let lab: LabProcess;
let recsysId: string;

beforeAll(async () => {
  ({ lab } = await openLabStores());
  const list = await inProcessLab(lab).invoke('datasets.list', {});
  recsysId = list.find((d) => d.family === 'recsys')!.id;
});
afterAll(() => lab.stop());
afterEach(() => cleanup());

/** A stratified split of the click log by a column it does not have: the lab refuses it. */
const byMissingColumn = () => ({ datasetId: recsysId, spec: { kind: 'stratified' as const, ratios: { train: 0.8, val: 0.1, test: 0.1 }, seed: 1, column: 'no such column' } });

describe('errors without the lab’s method names', () => {
  it('the lab’s raw refusal names its channel; the UI’s LabApi does not', async () => {
    const raw = await lab.dispatch('splits.create', byMissingColumn());
    expect(raw.ok).toBe(false);
    const rawMessage = (raw as { error: { message: string } }).error.message;
    expect(rawMessage).toMatch(/^splits\.create: /); // the reference: what the CLI prints
    const shown = await inProcessLab(lab).invoke('splits.create', byMissingColumn()).then(() => null, (e: LabError) => e);
    expect(shown).toBeInstanceOf(LabError);
    expect(shown!.code).toBe((raw as { error: { code: string } }).error.code);
    expect(shown!.message).toBe(rawMessage.slice('splits.create: '.length));
  });

  it('ErrorBox shows "Create split: <reason>" even for an error that still has the prefix', async () => {
    const raw = await lab.dispatch('splits.create', byMissingColumn());
    const error = LabError.from((raw as { error: unknown }).error);
    render(ErrorBox, { props: { error, context: 'Create split' } });
    const text = screen.getByRole('alert').textContent ?? '';
    expect(text.startsWith('Create split: ')).toBe(true);
    expect(text).not.toContain('splits.create');
    expect(text).toContain(error.message.slice('splits.create: '.length));
  });

  it('drops only real channel names, at the start', () => {
    expect(withoutChannel('runs.start: invalid payload — seeds: Too big')).toBe('invalid payload — seeds: Too big');
    expect(withoutChannel('datasets.setRoles: column x is text')).toBe('column x is text');
    expect(withoutChannel('config.lr: must be positive')).toBe('config.lr: must be positive'); // a field path, not a channel
    expect(withoutChannel('line 3: splits.create: x')).toBe('line 3: splits.create: x');
  });
});
