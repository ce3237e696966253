// The CTR "needs a label column" note on an interaction log (common/models/target.ts IMPLICIT_FEEDBACK_HINT)
// names the CLI's `--set positiveAtLeast=4`; the app says where its own rule is instead (audit H2 #4),
// while the CLI keeps its wording.
import { describe, expect, it } from 'vitest';
import { defaultBinding } from '../../common/models/binding';
import { IMPLICIT_FEEDBACK_HINT } from '../../common/models/target';
import { uiHint } from './ui-hints';

describe('uiHint: the implicit-feedback note', () => {
  it('names the target rule in Datasets, not a --set option, and keeps the CLI text as it is', () => {
    expect(IMPLICIT_FEEDBACK_HINT).toContain('(--set positiveAtLeast=4)');
    const ui = uiHint(IMPLICIT_FEEDBACK_HINT);
    expect(ui).not.toMatch(/--set|gatelab /);
    expect(ui).toContain(`a rating with a threshold (the target's "binary label: value ≥ t" rule in Datasets)`);
  });

  it('leaves no CLI command in the note a dated series without a target gets on the CTR tab', () => {
    const columns = [{ name: 'date', type: 'datetime', role: 'time' }, { name: 'sales', type: 'float', role: 'feature' }] as const;
    let message = '';
    try { defaultBinding('recsys', columns.map((c) => ({ ...c, modality: null })), {}); } catch (e) { message = (e as Error).message; }
    expect(message).toContain('--set positiveAtLeast=4');
    expect(uiHint(message)).not.toMatch(/--set|gatelab /);
  });
});
