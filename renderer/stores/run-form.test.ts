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
