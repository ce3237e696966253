// Finds the built renderer, building it with vite when it is missing (first `gatelab serve` after
// a fresh checkout) or older than its sources (a checkout that pulled or edited UI code since: serving
// the old build would show a UI that no longer matches the lab). Packaged apps ship dist/renderer and no
// sources, so vite is only imported when needed.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const RENDERER_DIR = join(REPO_ROOT, 'dist', 'renderer');

/** What the renderer bundle is built from (the renderer imports common/ too). */
const SOURCES = ['renderer', 'common', 'vite.config.ts'];

/** The newest modification time (ms) under `path`, skipping tests; 0 when it does not exist. */
function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = 0;
  for (const e of readdirSync(path, { withFileTypes: true })) {
    if (e.name === 'node_modules' || e.name.startsWith('.') || /\.test\.ts$/.test(e.name)) continue;
    newest = Math.max(newest, newestMtime(join(path, e.name)));
  }
  return newest;
}

/** True when dist/renderer is missing, or (in a checkout, which has the sources) one of them changed after it was built. */
export function rendererStale(root = REPO_ROOT, out = RENDERER_DIR): boolean {
  const index = join(out, 'index.html');
  if (!existsSync(index)) return true;
  if (!existsSync(join(root, 'renderer'))) return false; // a packaged app: the build is all there is
  const built = statSync(index).mtimeMs;
  return SOURCES.some((s) => newestMtime(join(root, s)) > built);
}

export async function ensureRendererBuilt(log: (line: string) => void = (l) => console.error(l)): Promise<string> {
  if (!rendererStale()) return RENDERER_DIR;
  const first = !existsSync(join(RENDERER_DIR, 'index.html'));
  log(first ? 'gatelab: building the UI once (vite build into dist/renderer)...' : 'gatelab: the UI sources changed since the last build; rebuilding dist/renderer...');
  const { build } = await import('vite');
  await build({ configFile: join(REPO_ROOT, 'vite.config.ts'), logLevel: 'warn' });
  if (!existsSync(join(RENDERER_DIR, 'index.html'))) throw new Error(`vite build finished but ${RENDERER_DIR}/index.html is missing; run \`npm run build\` and read its errors`);
  return RENDERER_DIR;
}
