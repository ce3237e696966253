import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openLabStore } from './main/lab/store/index';
import { labPaths } from './main/lab/home';
import { RunManager } from './main/lab/runs/run-manager';
import { decodeCheckpoint } from './common/runs/checkpoint-format';
const home = mkdtempSync(join(tmpdir(), 'gl-runs-'));
const paths = labPaths(home);
const store = openLabStore(paths.database);
const m = new RunManager({ store, paths, poolSize: 2 });
const base = { epochs: 2, data: { kind: 'synthetic', samples: 2048 }, batchSize: 64 } as const;
const ids = [m.create({ ...base, stepsPerCall: 1 }), m.create({ ...base, stepsPerCall: 7 }), m.create({ ...base })];
const finals = [];
for (const id of ids) {
  await m.waitFor(id);
  const c = store.checkpoints.latest(id)!;
  finals.push(decodeCheckpoint(readFileSync(join(home, c.path)), c.path).params);
}
for (let i = 1; i < 3; i++) { let d = 0; for (let j = 0; j < finals[0].length; j++) d = Math.max(d, Math.abs(finals[0][j] - finals[i][j])); console.log('maxdiff', i, d); }
await m.close();
