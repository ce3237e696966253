// A new user's ratings files, trained without a target as README's first session does (`gatelab train
// --dataset FILE --template …`): an Amazon reviews log names its 1–5 stars `overall`, which the advice did not
// take for a rating, so the refusal called the log an implicit-feedback log with nothing to learn; and a
// Book-Crossing ratings file (`;`, every cell quoted, Latin-1) rates 0–10 with 0 for "read, not rated", which
// the suggested threshold silently turns into "not clicked": the advice now says so and how to drop them.
// The commands run in this process (main/cli/testing/gatelab.ts), in a home without the demos.
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

beforeAll(async () => { home = await labHomeWithDemos([], 'gatelab-rating-advice-'); });
afterAll(() => rmSync(home, { recursive: true, force: true }));

describe('gatelab train without a target on a ratings file: the rating is named with its threshold', () => {
  it("Amazon reviews (JSON Lines): 'overall' is the rating to threshold, not an implicit-feedback log", async () => {
    const rng = seededRandom(3, 'amazon');
    // a full Amazon file also has 'verified' (a purchase flag): two-valued, it was named as the likely label instead
    const rows = Array.from({ length: 300 }, (_, i) => JSON.stringify({ reviewerID: `A${rng.int(40)}XYZ`, asin: `B00${rng.int(25)}`, overall: 1 + (i % 5), verified: rng.uniform() < 0.8, unixReviewTime: 1400000000 + i * 3600 }));
    const file = join(home, 'reviews.jsonl');
    writeFileSync(file, rows.join('\n') + '\n');
    const r = await gatelab('train', '--dataset', file, '--template', 'finalmlp', '--epochs', '1');
    expect(r.code, r.out).toBe(2);
    expect(r.out).toContain("(the column 'overall' looks like a rating: 5 values from 1 to 5; to read a rating ≥ 4 as a click, train with --target overall --set positiveAtLeast=4)");
    expect(r.out).not.toContain('implicit-feedback log');
    expect(r.out).not.toContain("'verified' looks like one");
    // following the advice trains
    const ok = await gatelab('train', '--dataset', file, '--target', 'overall', '--set', 'positiveAtLeast=4', '--template', 'finalmlp', '--epochs', '1', '--json');
    expect(ok.code, ok.out).toBe(0);
    expect(ok.out).toContain("label: 'overall' ≥ 4 is positive");
  });

  it("Book-Crossing (';', quoted, Latin-1, 0 = not rated): the threshold's advice says what becomes of the 0s", async () => {
    const rng = seededRandom(5, 'bx');
    const lines = ['"User-ID";"ISBN";"Book-Rating"'];
    for (let i = 0; i < 300; i++) lines.push(`"${1 + rng.int(50)}";"${String(rng.int(10 ** 9)).padStart(9, '0')}${rng.uniform() < 0.2 ? 'X' : rng.int(10)}";"${rng.uniform() < 0.6 ? 0 : 1 + rng.int(10)}"`);
    const file = join(home, 'BX-Book-Ratings.csv');
    writeFileSync(file, Buffer.from(lines.join('\n') + '\n', 'latin1'));
    const r = await gatelab('train', '--dataset', file, '--template', 'finalmlp', '--epochs', '1');
    expect(r.code, r.out).toBe(2);
    expect(r.out).toContain("(the column 'Book-Rating' looks like a rating: 11 values from 0 to 10; to read a rating ≥ 8 as a click, train with --target Book-Rating --set positiveAtLeast=8; "
      + 'its 0s then count as ratings below 8, not clicks: if 0 means "not rated" (an implicit interaction, as Book-Crossing\'s 0), leave those rows out of the file and import it again '
      + "(pandas: df = df[df['Book-Rating'] != 0]))");
    // naming the target without a threshold, as README's quick path does: the refusal suggests one and says the same of the 0s
    const direct = await gatelab('train', '--dataset', file, '--target', 'Book-Rating', '--template', 'finalmlp', '--epochs', '1');
    expect(direct.code, direct.out).toBe(2);
    expect(direct.out).toContain("the label 'Book-Rating' has 11 values (0, 1, 2, 3, 4, 5, 6, 7, … (11 in all)); a CTR model predicts one click probability from a two-valued label. "
      + 'Set a threshold with `--set positiveAtLeast=T` (label = value ≥ T), e.g. 8 for a rating from 0 to 10; its 0s then count as ratings below 8, not clicks: ');
  });

  it("a headerless click log keeps its two-valued label: a few small integers beside it are no rating to prefer", async () => {
    const rng = seededRandom(9, 'headerless');
    const lines = Array.from({ length: 300 }, () => `${rng.uniform() < 0.3 ? 1 : 0}\t${rng.int(8)}\tc${rng.int(30)}\td${rng.int(20)}`);
    const file = join(home, 'clicks.txt');
    writeFileSync(file, lines.join('\n') + '\n');
    const r = await gatelab('train', '--dataset', file, '--template', 'finalmlp', '--epochs', '1');
    expect(r.code, r.out).toBe(2);
    expect(r.out).toContain("(the column 'column_1' looks like one)");
  });
});
