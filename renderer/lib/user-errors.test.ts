// The lab's advice in the app's words: a `--set` flag becomes the form's label and value, from the real
// message the lab gives when a split's training part is too short (common/data/forecasting-rows.ts).
import { describe, expect, it } from 'vitest';
import { LabError } from '../../common/lab-api';
import { windowMisfit } from '../../common/data/forecasting-rows';
import { inAppWords, OLDER_LAB, plainLabError, PlainLabError, speakingPlainly } from './user-errors';
import { setFlagsInWords } from './field-labels';

describe('--set advice in the form’s words', () => {
  it('"set Horizon to 60" for the training part too short for lookback + horizon, with the field it names', () => {
    const lab = `runs.start: ${windowMisfit({ train: [0, 411], val: [411, 500], test: [500, 600] }, 'train', 336, 96)}`;
    expect(lab).toContain('(--set model.horizon=');
    const err = plainLabError(new LabError('invalid-payload', lab));
    expect(err.message).toMatch(/^the training part \(rows 1-411, 411 rows\) is shorter than lookback 336 \+ horizon 96: .*What fits this split: horizon ≤ (\d+) with lookback 336 \(set Horizon to \1\), or lookback ≤ (\d+) with horizon (\d+) \(no lookback fits horizon 96: the validation part has \3 rows; set Lookback to \2 and Horizon to \3\)\. Or use a longer file or larger parts$/);
    expect(err.message).not.toContain('--set');
    expect(err).toBeInstanceOf(PlainLabError);
    const value = /horizon ≤ (\d+)/.exec(err.message)![1];
    const [, lookback, horizon] = /set Lookback to (\d+) and Horizon to (\d+)/.exec(err.message)!;
    // each fix a button: the horizon alone, or the lookback that fits the horizon the validation part allows
    expect((err as PlainLabError).advice).toEqual([{ path: 'horizon', value, label: 'Horizon' }, { path: 'lookback', value: lookback, label: 'Lookback' }, { path: 'horizon', value: horizon, label: 'Horizon' }]);
    expect(err.code).toBe('invalid-payload');
  });

  it('flags in a row are one sentence; Training fields get their form labels', () => {
    expect(inAppWords('shorten both, e.g. lookback 40 with horizon 10 (--set model.lookback=40 --set model.horizon=10)')).toBe('shorten both, e.g. lookback 40 with horizon 10 (set Lookback to 40 and Horizon to 10)');
    expect(inAppWords('too slow: try --set batchSize=32 or --set optimizer.lr=0.0001.')).toBe('too slow: try set Batch size to 32 or set Optimizer learning rate to 0.0001.');
    expect(inAppWords('(--set maxSteps=500)')).toBe('(set Max steps to 500)');
  });

  it('leaves placeholders and keys the form has no field for as written (ui-hints.ts words those)', () => {
    const kept = [
      'set a threshold with `--set positiveAtLeast=T` (label = value ≥ T)',
      'a rating with a threshold (--set positiveAtLeast=4)',
      "Use a split by time of dataset 'x': --set data.splitId=3",
      'Use fewer text buckets (--set textBuckets=...)',
    ];
    for (const m of kept) expect(setFlagsInWords(m)).toBe(m);
    const e = new LabError('invalid-payload', kept[1]);
    expect(plainLabError(e)).toBe(e);
  });
});

// Lab refusals tell a CLI user what to type; the app names the view or button that does it, and keeps the
// rest of the message word for word (messages as main/lab words them: registry.ts, refusal.ts, crash-note.ts).
describe('CLI hints in the app’s words', () => {
  it.each([
    ["dataset 3 'clicks' is in use by run 15 (running): cancel it (gatelab cancel 15) or wait until it ends, then delete the dataset",
      "dataset 3 'clicks' is in use by run 15 (running): cancel it (the Cancel button in Runs) or wait until it ends, then delete the dataset"],
    ['no run 42 in /home/ana/gatelab (gatelab runs lists them)', 'no run 42 in /home/ana/gatelab (Runs lists them)'],
    ['run config: data.datasetId: dataset 9 does not exist (gatelab datasets lists them)', 'run config: data.datasetId: dataset 9 does not exist (Datasets lists them)'],
    ["dataset 3 'clicks' is used by run 7: the lab cannot tell whether it still needs this data, so the dataset is kept. Delete that run first (gatelab delete 7), then the dataset",
      "dataset 3 'clicks' is used by run 7: the lab cannot tell whether it still needs this data, so the dataset is kept. Delete that run first (in Runs), then the dataset"],
    ['Nothing was changed. To change its types, delete it (gatelab datasets delete 4) and import the file again', 'Nothing was changed. To change its types, delete it (in Datasets) and import the file again'],
    ['GateLab stopped while this run was training (its last progress was at 07:54:07). Resume it: gatelab resume 12', 'GateLab stopped while this run was training (its last progress was at 07:54:07). Resume it with the Resume button'],
    ['split 8 does not exist (gatelab datasets show 2 lists the splits of dataset 2)', 'split 8 does not exist (the dataset in Datasets lists its splits)'],
    ['42 rows were dropped at import (gatelab datasets show 2 says which)', '42 rows were dropped at import (the dataset in Datasets says which)'],
    ["dataset 3 'readings' is used by run 7 (its stored config is damaged): the lab cannot tell whether it still needs this data, so the dataset is kept (gatelab show 7 says what is damaged and how to restore it)",
      "dataset 3 'readings' is used by run 7 (its stored config is damaged): the lab cannot tell whether it still needs this data, so the dataset is kept (the note under the list in Runs says what is damaged; in a terminal, gatelab show 7 says how to restore it)"],
  ])('%s', (lab, app) => {
    expect(inAppWords(`runs.delete: ${lab}`)).toBe(app);
    const err = plainLabError(new LabError('not-found', lab));
    expect(err.message).toBe(app);
    expect(err.code).toBe('not-found');
  });

  it('leaves a message without a known hint as it is (the same error object)', () => {
    const e = new LabError('invalid-payload', 'run 3 has no checkpoint yet; see gatelab help');
    expect(plainLabError(e)).toBe(e);
  });
});

// A `gatelab serve` started before an update answers a call it does not know with dispatch.ts's words, which
// name an internal method: every lab call the app makes says what to do instead, whichever view made it.
describe('a lab older than the app', () => {
  it("any call the app knows and the lab does not: restart, in the app's words, with its code kept", async () => {
    const older = speakingPlainly({ invoke: async (channel) => { throw new LabError('unknown-channel', `'${channel}' is not a LabApi channel`); }, on: () => () => {} });
    for (const channel of ['analytics.knockoutChoices', 'runs.exports'] as const) {
      const err = await older.invoke(channel, { id: '3' } as never).then(() => null, (e: unknown) => e as LabError);
      expect(err?.message).toBe('this lab is older than the app: restart gatelab serve (or the app)');
      expect(err?.code).toBe('unknown-channel');
    }
    expect(OLDER_LAB).toBe('this lab is older than the app: restart gatelab serve (or the app)');
  });

  it('a name the app does not call is no sign of an old lab: the lab\'s words stay', () => {
    expect(inAppWords("'fs.readFile' is not a LabApi channel")).toBe("'fs.readFile' is not a LabApi channel");
    expect(inAppWords('LabApi answers only the GateLab window')).toBe('LabApi answers only the GateLab window');
  });
});
