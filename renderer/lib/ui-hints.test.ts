// The lab's CLI hints (real messages from run-manager, trainer-link, binding, finite) as the UI says them.
import { describe, expect, it } from 'vitest';
import { uiHint } from './ui-hints';

describe('uiHint', () => {
  it('points an interrupted run to the Resume button', () => {
    expect(uiHint('GateLab stopped while this run was training (last update 2026-11-29T20:00:00Z, found at 2026-11-29T20:05:00Z); it resumes from its last checkpoint. Resume it: gatelab resume 5'))
      .toBe('GateLab stopped while this run was training (last update 2026-11-29T20:00:00Z, found at 2026-11-29T20:05:00Z); it resumes from its last checkpoint. Resume it with the Resume button');
    expect(uiHint('the trainer process was killed; resume it: gatelab resume 12')).toBe('the trainer process was killed; resume it with the Resume button');
    expect(uiHint('run 4 is running: cancel it first (gatelab cancel 4), then delete it')).toBe('run 4 is running: cancel it first (the Cancel button in Runs), then delete it');
  });

  it('points dataset role hints to Datasets → Schema', () => {
    expect(uiHint('a recsys model needs a target column: gatelab datasets roles ID <column>=target')).toBe('a recsys model needs a target column: set a target in Datasets → Schema (role "target")');
    expect(uiHint('a recsys model needs categorical fields: gatelab datasets roles ID <column>=categorical')).toBe('a recsys model needs categorical fields: mark its categorical columns in Datasets → Schema (role "categorical")');
    expect(uiHint("fix that value in the file (or import it with --on-invalid impute), or leave the column out (gatelab datasets roles ID 'price'=ignore)"))
      .toBe('fix that value in the file (or import it with --on-invalid impute), or leave the column out (set that column\'s role to "ignore" in Datasets → Schema)');
    expect(uiHint('found none: gatelab datasets roles ID <column>=feature:<modality>')).toBe('found none: give column groups a modality in Datasets → Schema');
    expect(uiHint('no numeric columns to forecast; check the column types (gatelab datasets show ID)')).toBe('no numeric columns to forecast; check the column types (in Datasets → Schema)');
  });

  it('leaves other messages alone', () => {
    expect(uiHint('loss is NaN at step 40; lower the learning rate')).toBe('loss is NaN at step 40; lower the learning rate');
  });
});
