// A stored run config (as the lab's run store keeps it) back into the Models form's values.
import { describe, expect, it } from 'vitest';
import { parseRunConfig } from '../../common/runs/config';
import { runForm, runOfRoute, runRoute } from './run-form';

describe('runForm', () => {
  it('splits a stored run config into template, dataset, template fields and Training settings', () => {
    const stored = parseRunConfig({
      model: { template: 'gmu', hidden: [32], gate: { kind: 'gmu', bimodal: false }, positiveAtLeast: 4 },
      data: { kind: 'dataset', datasetId: 3, splitSeed: 42 },
      optimizer: { lr: 0.01, clipNorm: 1 }, epochs: 2, maxSteps: 50, seed: 7, threads: 2,
    }) as unknown as Record<string, unknown>;
    const f = runForm(stored);
    expect(f.template).toBe('gmu');
    expect(f.datasetId).toBe('3');
    // The label rule comes from the dataset again when the new run starts; the template key is the form's own.
    expect(f.config).toEqual({ hidden: [32], gate: { kind: 'gmu', bimodal: false } });
    expect(f.training).toMatchObject({ epochs: 2, maxSteps: 50, batchSize: 128, optimizer: { kind: 'adamw', lr: 0.01, clipNorm: 1, weightDecay: 0.01 }, schedule: { kind: 'constant' } });
    expect(f.training).not.toHaveProperty('seed');
  });

  it('keeps the run\'s class weights beside its Training settings, as the form holds them', () => {
    const stored = (loss?: unknown) => parseRunConfig({
      model: { template: 'lr' }, data: { kind: 'dataset', datasetId: 2 }, epochs: 1, maxSteps: 2, ...(loss ? { loss } : {}),
    }) as unknown as Record<string, unknown>;
    // "New run from this" on a weighted run starts a weighted run: the weights are not dropped with the run's other keys
    expect(runForm(stored({ classWeights: [1, 5] })).training).toMatchObject({ epochs: 1, maxSteps: 2, loss: { classWeights: [1, 5] } });
    expect(runForm(stored({ classWeights: 'balanced' })).training.loss).toEqual({ classWeights: 'balanced' });
    // 'none' (the CLI's --set loss.classWeights=none) is the form's "no weights": no loss key, as a run without the option
    expect(runForm(stored({ classWeights: 'none' })).training).not.toHaveProperty('loss');
    expect(runForm(stored()).training).not.toHaveProperty('loss');
  });

  it('has no dataset for a synthetic run, and refuses a config without a template', () => {
    expect(runForm(parseRunConfig({}) as unknown as Record<string, unknown>).datasetId).toBeNull();
    expect(() => runForm({ data: { kind: 'dataset', datasetId: 1 } })).toThrow(/no model template/);
  });

  it('routes #/models/run-ID to the run, and a dataset id to nothing', () => {
    expect(runOfRoute(runRoute('12'))).toBe('12');
    expect(runOfRoute('12')).toBeNull();
    expect(runOfRoute(null)).toBeNull();
  });
});
