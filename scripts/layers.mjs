// The import rules of ARCHITECTURE §1, as data. A folder is a runtime; this table says what each may reach.
// scripts/check-layers.mjs enforces it (the per-folder tsconfigs enforce the libs/types side).
import { builtinModules } from 'node:module';

const NODE_BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
export const isNodeBuiltin = (spec) => spec.startsWith('node:') || NODE_BUILTINS.has(spec.split('/')[0]);

/** @type {{ folder: string, mayImportFolders: string[], bare: (spec: string) => string | null }[]} */
export const LAYERS = [
  {
    folder: 'common',
    mayImportFolders: ['common'],
    bare: (s) => (s === 'zod' ? null : 'common/ is pure TypeScript: only zod may be imported'),
  },
  {
    folder: 'engine',
    mayImportFolders: ['common', 'engine'],
    bare: (s) =>
      s === 'zod' || s === 'onnx-proto' ? null : 'engine/ emits graphs: only common/, zod and the ONNX protobuf library',
  },
  {
    folder: 'workers',
    mayImportFolders: ['common', 'engine', 'workers'],
    bare: (s) => (s === 'electron' || s.startsWith('svelte') ? 'workers/ run outside Electron: no electron, no UI' : null),
  },
  {
    folder: 'main/electron',
    mayImportFolders: ['common', 'engine', 'main'],
    bare: (s) => (s.startsWith('svelte') ? 'main/electron must not import renderer code' : null),
  },
  {
    // The lab core is what every face (CLI, serve, Electron) drives: it must never reach back into a face
    // (a CLI helper imported by the lab once made run control depend on the command line).
    folder: 'main/lab',
    mayImportFolders: ['common', 'engine', 'main/lab'],
    bare: (s) => (s === 'electron' || s.startsWith('svelte') ? 'main/lab runs in plain Node: no electron, no UI' : null),
  },
  {
    folder: 'main',
    mayImportFolders: ['common', 'engine', 'main'],
    bare: (s) => (s === 'electron' || s.startsWith('svelte') ? 'main/lab, main/serve and the CLI run in plain Node: no electron' : null),
  },
  {
    folder: 'renderer',
    mayImportFolders: ['common', 'renderer'],
    bare: (s) =>
      isNodeBuiltin(s) || ['electron', 'onnxruntime-node', 'better-sqlite3', 'ws'].includes(s)
        ? 'renderer/ knows only LabApi: no Node, no electron, no native modules'
        : null,
  },
];
