#!/usr/bin/env node
// Fails when a file imports across a runtime boundary that ARCHITECTURE §1 forbids.
// Usage: node scripts/check-layers.mjs [rootDir]   (exit 1 and one line per violation)
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname, sep } from 'node:path';
import { LAYERS, isNodeBuiltin } from './layers.mjs';

const root = resolve(process.argv[2] ?? '.');
const IMPORT_RE = /(?:import|export)\s+(?:type\s+)?(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)/g;
const isTest = (f) => /\.(test|spec)\.ts$/.test(f) || f.includes(`${sep}fixtures${sep}`);

function* walk(dir) {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist' || name.startsWith('.')) continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) yield* walk(p);
    else if (/\.(ts|svelte|mts)$/.test(name) && !name.endsWith('.d.ts')) yield p;
  }
}

const layerOf = (rel) => LAYERS.find((l) => rel === l.folder || rel.startsWith(l.folder + '/'));
const violations = [];
for (const layer of LAYERS) {
  const dir = join(root, layer.folder);
  try { statSync(dir); } catch { continue; }
  for (const file of walk(dir)) {
    const rel = relative(root, file).split(sep).join('/');
    if (layerOf(rel) !== layer || isTest(file)) continue;
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(IMPORT_RE)) {
      const spec = m[1] ?? m[2] ?? m[3];
      const line = text.slice(0, m.index).split('\n').length;
      if (spec.startsWith('.')) {
        const target = relative(root, resolve(dirname(file), spec)).split(sep).join('/');
        const targetLayer = layerOf(target);
        const ok = targetLayer && layer.mayImportFolders.some((f) => target === f || target.startsWith(f + '/'))
          && !(layer.folder === 'main' && targetLayer.folder === 'main/electron');
        if (!ok) violations.push(`${rel}:${line}: imports '${spec}' (${target}); ${layer.folder}/ may import only ${layer.mayImportFolders.join(', ')}/`);
      } else {
        const why = isNodeBuiltin(spec) && ['common', 'engine'].includes(layer.folder)
          ? `${layer.folder}/ must not use Node built-ins` : layer.bare(spec);
        if (why) violations.push(`${rel}:${line}: imports '${spec}': ${why}`);
      }
    }
  }
}
if (violations.length) {
  console.error(`Layer rule violations (ARCHITECTURE §1):\n  ${violations.join('\n  ')}`);
  process.exit(1);
}
console.log('layers: ok');
