// Finds the built renderer, building it with vite when it is missing (first `gatelab serve` after
// a fresh checkout). Packaged apps ship dist/renderer, so vite is only imported when needed.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const RENDERER_DIR = join(REPO_ROOT, 'dist', 'renderer');

export async function ensureRendererBuilt(log: (line: string) => void = (l) => console.error(l)): Promise<string> {
  if (existsSync(join(RENDERER_DIR, 'index.html'))) return RENDERER_DIR;
  log('gatelab: building the UI once (vite build into dist/renderer)...');
  const { build } = await import('vite');
  await build({ configFile: join(REPO_ROOT, 'vite.config.ts'), logLevel: 'warn' });
  if (!existsSync(join(RENDERER_DIR, 'index.html'))) throw new Error(`vite build finished but ${RENDERER_DIR}/index.html is missing; run \`npm run build\` and read its errors`);
  return RENDERER_DIR;
}
