import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// Most test time is waiting: on trainer processes, ORT sessions in other processes, child CLIs. Vitest's
// default (cores - 1) runs ONE file at a time on a 2-core CI machine; two at a time measured 563 s
// instead of 835 s there with every test passing. At least 2, the default above that.
const workers = Math.max(2, availableParallelism() - 1);

export default defineConfig({
  test: {
    include: ['{common,engine,workers,main,renderer,bench,scripts}/**/*.test.ts'],
    exclude: ['node_modules/**', 'dist/**', 'e2e/**'],
    // ORT sessions and trainer processes: real work, not mocks.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: workers,
    // renderer/** runs as its own project (jsdom + the Svelte plugin), defined in vite.config.ts.
    projects: [{ extends: true, test: { name: 'node', exclude: ['node_modules/**', 'dist/**', 'e2e/**', 'renderer/**'] } }, './vite.config.ts'],
  },
});
