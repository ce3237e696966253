// The user's view of targets and missing values (`gatelab train` on small files it has never seen): a
// 3-valued target trains as 3 classes and reports accuracy, macro-F1 and AUC; rows without a target are
// left out and counted; a two-word label says which word is positive; blank numbers do not make the loss
// NaN (CTR, forecasting); an embedding column in a JSONL file is a modality of its own.
// The commands run in-process (main/cli/testing/gatelab.ts: the same verbs, trainers in their own
// processes); main/cli/train.test.ts runs `gatelab train` as a real process.
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededRandom } from '../../engine/nn/random';
import { gatelab as cli } from '../../main/cli/testing/gatelab';
import { labHomeWithDemos } from '../../main/lab/testing/lab-home';

let home: string;
const gatelab = async (...args: string[]) => {
  const r = await cli([...args, '--home', home]);
  return { code: r.code, out: r.out + r.err };
};
const file = (name: string, lines: string[]) => { const p = join(home, name); writeFileSync(p, lines.join('\n')); return p; };
/** The test metrics of the last line: "run N completed at step S: test accuracy 0.9  auc 0.9 ...". */
// the result line names macro-F1 `f1 (macro)` (common/runs/metric-name.ts): the optional group reads it as `f1`
const testMetrics = (out: string) => Object.fromEntries([...(out.match(/completed at step \d+: test (.*)/)?.[1] ?? '').matchAll(/(\w+)(?: \(macro\))? (-?[\d.]+)/g)].map((m) => [m[1], Number(m[2])]));

// The user's own files only: no demo datasets generated on the first start.
beforeAll(async () => { home = await labHomeWithDemos([], 'gatelab-targets-'); });
afterAll(() => rmSync(home, { recursive: true, force: true }));

describe('gatelab train on targets and blanks it has never seen', () => {
  it('a negative/neutral/positive target with blanks: 3 classes, the blank rows left out, accuracy/f1/auc reported', async () => {
    const rng = seededRandom(3, 'sentiment');
    const words = { negative: ['awful', 'poor', 'hate'], neutral: ['okay', 'fine', 'average'], positive: ['great', 'love', 'superb'] };
    const lines = ['review,age,sentiment'];
    for (let i = 0; i < 450; i++) {
      const s = (['negative', 'neutral', 'positive'] as const)[i % 3];
      lines.push(`"${words[s][rng.int(3)]} ${words[s][rng.int(3)]} product ${i}",${20 + rng.int(50)},${i % 15 === 7 ? '' : s}`);
    }
    const r = await gatelab('train', '--dataset', file('sentiment.csv', lines), '--target', 'sentiment', '--template', 'concat-fusion', '--epochs', '4');
    expect(r.out).toMatch(/fusion: 336 train \/ 42 validation \/ 42 test samples \(30 rows without a target left out\); 3 classes of 'sentiment': negative, neutral, positive/);
    const m = testMetrics(r.out);
    expect(Object.keys(m)).toEqual(expect.arrayContaining(['accuracy', 'f1', 'auc']));
    expect(m.accuracy).toBeGreaterThan(0.8); // the words give the class away
    expect(m.auc).toBeGreaterThan(0.9);
    const run = r.out.match(/run (\d+) completed/)![1];
    expect((await gatelab('show', run)).out).toMatch(/"classes":3/);
  });

  it('CTR: a clicked/not label with blanks and a price with blanks trains with a finite loss', async () => {
    const rng = seededRandom(4, 'clicks');
    const lines = ['user,device,price,clicked'];
    for (let i = 0; i < 600; i++) {
      const mobile = rng.uniform() < 0.5;
      const click = rng.uniform() < (mobile ? 0.8 : 0.2);
      lines.push(`u${rng.int(30)},${mobile ? 'mobile' : 'desktop'},${i % 13 === 0 ? '' : (rng.uniform() * 50).toFixed(2)},${i % 20 === 3 ? '' : click ? 'clicked' : 'not'}`);
    }
    const r = await gatelab('train', '--dataset', file('clicks.csv', lines), '--target', 'clicked', '--template', 'dnn', '--epochs', '3');
    expect(r.out).toMatch(/\(30 rows without a target left out\); label: 'clicked' is positive \('not' negative\)/);
    const m = testMetrics(r.out);
    expect(Number.isFinite(m.logloss)).toBe(true);
    expect(m.auc).toBeGreaterThan(0.65); // the device decides most clicks
  });

  it('forecasting: blank cells are filled forward, the loss stays finite', async () => {
    const lines = ['when,load,temp'];
    for (let h = 0; h < 300; h++) {
      const t = new Date(Date.UTC(2024, 0, 1, h)).toISOString().slice(0, 16).replace('T', ' ');
      lines.push(`${t},${h % 17 === 5 ? '' : Math.sin(h / 4).toFixed(4)},${h % 23 === 0 ? '' : (10 + Math.cos(h / 6)).toFixed(3)}`);
    }
    const r = await gatelab('train', '--dataset', file('load.csv', lines), '--template', 'dlinear', '--set', 'lookback=24', '--set', 'horizon=6', '--epochs', '1');
    // before: "loss became NaN at step 1 … lower optimizer.lr"
    expect(r.out).not.toMatch(/NaN|failed/);
    const m = testMetrics(r.out);
    expect(Number.isFinite(m.mse) && m.mse > 0).toBe(true);
  });

  it('an embedding column (JSONL list of floats) is a modality of its own and carries the signal', async () => {
    const rng = seededRandom(5, 'emb');
    const lines: string[] = [];
    for (let i = 0; i < 500; i++) {
      const y = i % 2;
      const emb = Array.from({ length: 4 }, (_, k) => Number(((k === 0 ? (y ? 1 : -1) : 0) + rng.normal() * 0.5).toFixed(3)));
      lines.push(JSON.stringify({ caption: `photo of a thing ${rng.int(9)}`, img_emb: emb, spam: y ? 'spam' : 'ham' }));
    }
    const r = await gatelab('train', '--dataset', file('emb.jsonl', lines), '--target', 'spam', '--template', 'gmu', '--epochs', '4');
    expect(r.out).toMatch(/label: 'spam' is positive \('ham' negative\)/);
    expect(testMetrics(r.out).auc).toBeGreaterThan(0.9); // only the embedding separates the classes
    const run = r.out.match(/run (\d+) completed/)![1];
    expect((await gatelab('show', run)).out).toMatch(/"name":"img_emb","dim":4/);
  });
});
