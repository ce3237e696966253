// The lab's CLI hints (real messages from run-manager, trainer-link, binding, finite) as the UI says them.
import { describe, expect, it } from 'vitest';
import { importHint, uiHint } from './ui-hints';
import { modelTooBig } from '../../common/models/size-estimate';
import { windowMisfit } from '../../common/data/forecasting-rows';
import { parseNewRunConfig } from '../../common/runs/new-run-config';
import { describeRegression } from '../../common/models/regression-target';

describe('uiHint', () => {
  it('points an interrupted run to the Resume button', () => {
    expect(uiHint('GateLab stopped while this run was training (last update 2026-11-29T20:00:00Z, found at 2026-11-29T20:05:00Z); it resumes from its last checkpoint. Resume it: gatelab resume 5'))
      .toBe('GateLab stopped while this run was training (last update 2026-11-29T20:00:00Z, found at 2026-11-29T20:05:00Z); it resumes from its last checkpoint. Resume it with the Resume button');
    expect(uiHint('the trainer process was killed; resume it: gatelab resume 12')).toBe('the trainer process was killed; resume it with the Resume button');
    expect(uiHint('run 4 is running: cancel it first (gatelab cancel 4), then delete it')).toBe('run 4 is running: cancel it first (the Cancel button in Runs), then delete it');
  });

  it('says a stratified split as the app makes and picks one, not as commands (a class missing from a part)', () => {
    const lab = "test has no 'yes' rows: AUC undefined; a split by class keeps every class in every part: gatelab datasets split ID --kind stratified --column bought --ratios 0.6,0.2,0.2, then run with its id as data.splitId (gatelab train: --set data.splitId=SPLIT; an experiment file: \"splitId\": SPLIT in its config.data; the app: Models › Split); batches of 6 samples";
    expect(uiHint(lab)).toBe("test has no 'yes' rows: AUC undefined; a split by class keeps every class in every part: in Datasets → Splits, a new split of kind Stratified on 'bought' with ratios 0.6 / 0.2 / 0.2, then pick it in Models → Split; batches of 6 samples");
    // the lab's default shares name no ratios; a column name with a space comes quoted for a shell
    expect(uiHint("gatelab datasets split ID --kind stratified --column 'Rating Tier', then run with its id as data.splitId (gatelab train: --set data.splitId=SPLIT; the app: Models › Split)"))
      .toBe("in Datasets → Splits, a new split of kind Stratified on 'Rating Tier', then pick it in Models → Split");
  });

  it('points dataset role hints to Datasets → Schema', () => {
    expect(uiHint('a recommendation (CTR) model needs a target column: gatelab datasets roles ID <column>=target')).toBe('a recommendation (CTR) model needs a target column: set a target in Datasets → Schema (role "target")');
    expect(uiHint('a recommendation (CTR) model needs categorical fields: gatelab datasets roles ID <column>=categorical')).toBe('a recommendation (CTR) model needs categorical fields: mark its categorical columns in Datasets → Schema (role "categorical")');
    expect(uiHint("fix that value in the file (or import it with --on-invalid impute), or leave the column out (gatelab datasets roles ID 'price'=ignore)"))
      .toBe('fix that value in the file (or import it with --on-invalid impute), or leave the column out (set that column\'s role to "ignore" in Datasets → Schema)');
    expect(uiHint('found none: gatelab datasets roles ID <column>=feature:<modality>')).toBe('found none: give column groups a modality in Datasets → Schema');
    expect(uiHint('give another column group a modality (gatelab datasets roles yn city=feature:categories)')).toBe("give another column group a modality (give 'city' the Modality 'categories' in Datasets → Schema)");
    // a column name with a space or a quote, as the lab quotes it for a shell (the clothing reviews' 'Review Text')
    expect(uiHint("give another column group a modality (gatelab datasets roles reviews 'Review Text=feature:text')")).toBe("give another column group a modality (give 'Review Text' the Modality 'text' in Datasets → Schema)");
    expect(uiHint("or give another column group a modality (gatelab datasets roles 7 'it'\\''s=categorical:categories') and retry")).toBe("or give another column group a modality (give 'it's' the Modality 'categories' in Datasets → Schema) and retry");
    expect(uiHint("set roles: gatelab datasets roles 7 'Review Text=text' age=feature")).toBe('set roles: set roles in Datasets → Schema');
    expect(uiHint('no numeric columns to forecast; check the column types (gatelab datasets show ID)')).toBe('no numeric columns to forecast; check the column types (in Datasets → Schema)');
  });

  it("says the hints inAppWords knows as it does (one app wording each), in messages that reach views without a lab error", () => {
    // a run's stored error (Runs shows run.error through uiHint) with the `datasets show` hint of main/lab/runs/dataset-defaults.ts
    expect(uiHint("run config: data.splitId: split 8 does not exist (gatelab datasets show 2 lists the dataset's splits)"))
      .toBe('run config: data.splitId: split 8 does not exist (the dataset in Datasets lists its splits)');
    expect(uiHint('split 8 does not exist (gatelab datasets show 2 lists the splits of dataset 2)')).toBe('split 8 does not exist (the dataset in Datasets lists its splits)');
    expect(uiHint('the trainer process was killed; continue with: gatelab resume 12')).toBe('the trainer process was killed; continue with the Resume button');
    // the CLI's Ctrl-C notice, the one resume hint worded here
    expect(uiHint('pausing (a checkpoint is written; resume with gatelab resume RUN)')).toBe('pausing (a checkpoint is written; resume with the Resume button)');
  });

  it("keeps only the app's half of advice the lab gives both ways (common/data/forecasting-rows.ts)", () => {
    const both = "but which column tells the series apart? Set it to role series-id (in the app: Datasets → Schema → that column's Role → series-id; on the command line: gatelab datasets roles ID <column>=series-id) and the run pivots the file into one channel per series";
    expect(uiHint(both)).toBe("but which column tells the series apart? Set it to role series-id (Datasets → Schema → that column's Role → series-id) and the run pivots the file into one channel per series");
  });

  it('says a CTR run’s integer codes fix once, as the app does it (not "set roles …; if all are codes: set roles …")', () => {
    const note = "read as numbers, not fields: stars (5 distinct integers), helpful_votes (11 distinct integers); if one is a code, make it a field with the role categorical (gatelab datasets roles 5 stars=categorical; if all are codes: gatelab datasets roles 5 stars=categorical helpful_votes=categorical)";
    expect(uiHint(note)).toBe("read as numbers, not fields: stars (5 distinct integers), helpful_votes (11 distinct integers); if one is a code, make it a field with the role categorical (in Datasets → Schema: that column's Role → categorical)");
    // one code, a name the shell quotes
    expect(uiHint("make it a field with the role categorical (gatelab datasets roles 5 'star rating=categorical')")).toBe("make it a field with the role categorical (in Datasets → Schema: that column's Role → categorical)");
  });

  it('leaves other messages alone', () => {
    expect(uiHint('loss is NaN at step 40; lower the learning rate')).toBe('loss is NaN at step 40; lower the learning rate');
  });
});

describe('uiHint: run config keys as the form labels them', () => {
  it('names the Training fields a diverged run should change (the trainer’s message, verbatim)', () => {
    const nan = 'loss became NaN at step 3 with lr 1e+6; the last good state (step 0) is kept as a checkpoint: lower optimizer.lr, add a warmup or set optimizer.clipNorm';
    const ui = uiHint(nan);
    expect(ui).toBe('loss became NaN at step 3 with lr 1e+6; the last good state (step 0) is kept as a checkpoint: in Models → Training, lower Optimizer learning rate, add Schedule warm-up steps or set Optimizer gradient clipping (global norm)');
    expect(ui).not.toMatch(/optimizer\.|clipNorm/);
  });

  it('names a single key by the label its Training field shows (a user searches the form for those words)', () => {
    expect(uiHint('try a smaller optimizer.lr')).toBe('try a smaller Optimizer learning rate (Models → Training)');
    expect(uiHint('raise schedule.warmupSteps')).toBe('raise Schedule warm-up steps (Models → Training)');
  });

  it('points label-rule hints to the target’s rule in Datasets, not to --set', () => {
    expect(uiHint('the label \'rating\' is negative (0) in all 80 training rows (values ≥ 6 count as 1). Set a different threshold (`--set positiveAtLeast=T`, or in the app the target\'s "label = value ≥ t" rule), or choose another target column'))
      .toBe('the label \'rating\' is negative (0) in all 80 training rows (values ≥ 6 count as 1). Set a different threshold (the target\'s "binary label: value ≥ t" rule in Datasets), or choose another target column');
    const many = uiHint("the label 'rating' has 5 values (1, 2, 3, 4, 5); a CTR model predicts one click probability from a two-valued label. Set a threshold with `--set positiveAtLeast=T` (label = value ≥ T), or train a classification template of the fusion family (e.g. --template concat-fusion) for 5 classes");
    expect(many).toBe("the label 'rating' has 5 values (1, 2, 3, 4, 5); a CTR model predicts one click probability from a two-valued label. Set a threshold (the target's \"binary label: value ≥ t\" rule in Datasets), or train a classification template of the fusion family (e.g. concat-fusion) for 5 classes");
  });

  it('names the Models tab and template for a dataset that fits another family, not the command line', () => {
    expect(uiHint("Its columns fit a fusion template, such as concat-fusion with the target 'satisfied' (--template concat-fusion --target satisfied; gatelab templates lists the fusion templates)"))
      .toBe("Its columns fit a fusion template, such as concat-fusion with the target 'satisfied' (in Models: the Multimodal fusion tab, template concat-fusion)");
    expect(uiHint("(--template deepfm --target 'my label'; gatelab templates lists the recsys templates)")).toBe('(in Models: the Recommendation / CTR tab, template deepfm)');
  });

  it('words a regression data line\'s other readings in the app\'s terms, with no CLI flag left (the lab\'s own note)', () => {
    const target = { kind: 'regression' as const, column: 'revenue', distinct: 990, forced: false, examples: ['1200.5', '1850', '2561743.93', '9900000'], valueOf: () => 0 };
    const few = { ...target, distinct: 4 };
    for (const t of [target, few]) {
      const line = uiHint(describeRegression(t));
      expect(line).not.toMatch(/--set|positiveAtLeast/);
      expect(line).toContain('the target\'s "binary label: value ≥ t" rule in Datasets for a binary label');
    }
    expect(uiHint(describeRegression(few))).toMatch(/; set Task to classification to treat its values as classes, or use the target's "binary label: value ≥ t" rule in Datasets for a binary label$/);
    expect(uiHint('set --set positiveAtLeast=T for a yes/no label (value ≥ T), or choose another target column'))
      .toBe('use the target\'s "binary label: value ≥ t" rule in Datasets for a yes/no label, or choose another target column');
    expect(uiHint('or --set task=classification (or --set positiveAtLeast=T) to classify it')).not.toMatch(/--set|positiveAtLeast/);
  });

  it('says the size advice in form labels', () => {
    const ui = uiHint('Use smaller embeddings (--set embeddingDim=..., now 64), smaller hidden layers, or smaller vocabularies (fields with fewer distinct values, or leave a field out with gatelab datasets roles ID <column>=ignore)');
    expect(ui).toBe('Use smaller embeddings (Embedding width, now 64), smaller hidden layers, or smaller vocabularies (fields with fewer distinct values, or leave a field out with the role "ignore" in Datasets → Schema)');
  });
});

describe('uiHint: --set advice in the form\'s words, also in text no lab error carried (a run\'s stored error)', () => {
  const tooBig = (model: Record<string, unknown>) => modelTooBig(model, 2e9, 'float32', 16e9)!;

  it('a run\'s error with a value to set names the field and the value (the string Runs shows as run.error)', () => {
    // the trainer's message, stored with the failed run (it reaches Runs without passing through LabApi)
    const stored = windowMisfit({ train: [0, 411], val: [411, 500], test: [500, 600] }, 'train', 336, 96);
    const horizon = /\(--set model\.horizon=(\d+)\)/.exec(stored)![1];
    expect(uiHint(stored)).toContain(`What fits this split: horizon ≤ ${horizon} with lookback 336 (set Horizon to ${horizon})`);
    expect(uiHint(stored)).not.toContain('--set');
    expect(uiHint(`runs.start: ${stored}`)).toBe(uiHint(stored));
  });

  it('the forecasting size advice: mode and individual as the form names them', () => {
    const ui = uiHint(tooBig({ template: 'dlinear', lookback: 336, horizon: 96, channels: 321, mode: 'channel-mixing', individual: true }));
    expect(ui).toContain('Use channel-independent mode (set Mode to channel-independent: one map shared by every channel instead of one across all of them), or one map shared by the channels (set Individual to false), or a shorter lookback');
    expect(ui).not.toContain('--set');
  });

  it('the fusion size advice: text buckets, and the categorical cap by its form label', () => {
    const ui = uiHint(tooBig({ template: 'gmu', modalities: [], textBuckets: 4096, maxCategories: 1000 }));
    expect(ui).toContain("Use fewer text buckets, now 4,096 per text column, a lower cap on a categorical column's one-hot (Max categories, now 1,000), smaller hidden layers, or fewer columns in a modality.");
    expect(ui).not.toContain('--set');
  });

  it('the data line\'s note on a capped categorical', () => {
    expect(uiHint('city: 30 categories → top 10 + other (one-hot of the most frequent values in the training rows; --set maxCategories=N changes the cap)'))
      .toBe('city: 30 categories → top 10 + other (one-hot of the most frequent values in the training rows; Max categories in Models changes the cap)');
  });

  it('a field a new run refused: the Models form, not gatelab templates', () => {
    let message = '';
    try { parseNewRunConfig({ model: { template: 'gmu', textBuckets: 8 } }); } catch (e) { message = (e as Error).message; }
    expect(uiHint(message)).toBe('run config: model.textBuckets: 8 is out of range: template gmu takes a whole number from 16 to 1,048,576; the Models form lists the fields of gmu and their defaults');
  });
});

describe('uiHint: a run whose dataset was deleted', () => {
  it('says what stays and that a deleted demo is not re-created, instead of only "import the file again"', () => {
    const ui = uiHint('run 7 trained on dataset 1, which is no longer in the lab (it was deleted): import the file again and train a new run on it');
    expect(ui).toBe('run 7 trained on dataset 1, which is no longer in the lab (it was deleted): its results, curves and export stay, but this needs the data. ' +
      'Import the file again in Datasets and train a new run on it (Runs → New run from this); a deleted demo dataset is not re-created');
  });
});

describe('importHint', () => {
  const ragged = "data.csv, line 3: expected 3 fields (as in the header), found 2. Fix the row, or import with onInvalid 'drop' (or 'impute' to pad short rows)";
  it("names the Drop bad rows / Pad short rows buttons, not the CLI's onInvalid (audit A11)", () => {
    expect(importHint(ragged, true)).toBe('data.csv, line 3: expected 3 fields (as in the header), found 2. Fix the row in the file, or use Drop bad rows below (or Pad short rows, to give short rows missing values)');
    expect(importHint(ragged, false)).not.toContain('below');
    expect(importHint("x.csv, line 9, column 'price': 'abc' is not a valid number value (the column was set to number). Fix the value, choose another type, or import with onInvalid 'drop' or 'impute'", true))
      .toMatch(/or use Drop bad rows \(or Pad short rows, to make it a missing value\) below$/);
  });
  it("an unclosed quote, in the importer's words (workers/import/quoted-lines.test.ts), gets only what they do not say: dropping cannot help", () => {
    const m = `quote.csv, line 4: the quote (") opening field 1 is never closed before the end of the file, so lines 4–5 (to the end of the file) read as one value of column 'a'. Close the quote where the value ends, or remove it (a quote inside a value is written as two: "")`;
    for (const buttons of [true, false]) {
      const said = importHint(m, buttons);
      expect(said).toBe(`${m}. Dropping or padding rows cannot help: from that quote on, the rest of the file reads as one field.`);
      expect(said.match(/Close/g)).toHaveLength(1); // the advice once, not again as "Fix it in the file: … Close it there"
    }
    const last = `q.csv, line 3: the quote (") opening field 3 is never closed before the end of the file, so line 3, the last line of the file, reads as one value of column 'c'. Close the quote where the value ends, or remove it (a quote inside a value is written as two: "")`;
    expect(importHint(last, true)).toBe(`${last}. Dropping or padding rows cannot help: from that quote on, the rest of the file reads as one field.`);
  });
  it('an unclosed quote says where and what to fix in the file when the message does not', () => {
    const m = 'q.csv, line 3: the quote (") opening field 2 is never closed before the end of the file';
    expect(importHint(m, false)).toBe(`${m}. Fix it in the file: a quote opened on line 3, field 2 is never closed. Close it there, or write a quote inside text as two (""). Dropping or padding rows cannot help: from that quote on, the rest of the file reads as one field.`);
    expect(importHint('big.csv, line 7: one row is longer than 64 MB; most likely a quote (") opened on that line is never closed', false)).toContain('a quote opened on line 7 is never closed');
  });

  it("words a header-only file's advice without the CLI's --header option, which the app does not have", () => {
    const m = 'empty_rows.csv: only a header row (a, b), no data rows (if that line is data, import with --header no)';
    for (const buttons of [true, false]) {
      expect(importHint(m, buttons)).toBe('empty_rows.csv: only a header row (a, b), no data rows (if that line is data, add a line of column names above it in the file and import it again)');
    }
  });
});
