import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{common,engine,workers,main,renderer,bench,scripts}/**/*.test.ts'],
    exclude: ['node_modules/**', 'dist/**', 'e2e/**'],
    // ORT sessions and trainer processes: real work, not mocks.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // renderer/** runs as its own project (jsdom + the Svelte plugin), defined in vite.config.ts.
    projects: [{ extends: true, test: { name: 'node', exclude: ['node_modules/**', 'dist/**', 'e2e/**', 'renderer/**'] } }, './vite.config.ts'],
  },
});
