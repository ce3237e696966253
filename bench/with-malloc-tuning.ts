// Benchmarks measure what the lab's trainer processes run with: the glibc malloc settings of
// main/lab/runs/trainer-env.ts. glibc reads them only at process start, so a benchmark started without
// them re-runs itself with them (and exits with the child's status).
import { spawnSync } from 'node:child_process';
import { MALLOC_TUNING, trainerEnv } from '../main/lab/runs/trainer-env';

export { MALLOC_TUNING };

export function rerunWithMallocTuning(): void {
  if (process.env.MALLOC_MMAP_THRESHOLD_) return;
  const r = spawnSync(process.execPath, [...process.execArgv, ...process.argv.slice(1)], { stdio: 'inherit', env: trainerEnv() });
  process.exit(r.status ?? 1);
}
