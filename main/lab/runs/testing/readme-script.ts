// Test helper (test-only): a README code block run as a user runs it, in a new folder holding the exported
// model as run.onnx and the data files it reads, with the repo's node_modules linked in for its imports; and
// the answer to compare it with, from the reference encoder.
import { mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import * as ort from 'onnxruntime-node';
import type { ExportedRun } from './exported-run';
import { encodeInputs, type Row } from './reference-encoder';

const REPO = resolve(__dirname, '../../../..');

/** The first ```js block of README.md after the text `after` (a sentence that introduces it). */
export function readmeBlock(after: string): string {
  const readme = readFileSync(join(REPO, 'README.md'), 'utf8');
  const at = readme.indexOf(after);
  if (at < 0) throw new Error(`README.md no longer says "${after}"`);
  const start = readme.indexOf('```js', at) + '```js'.length;
  return readme.slice(start, readme.indexOf('```', start));
}

/** Runs `code` as `name` in a new folder under `parent` with `model` as run.onnx and `files`; its stdout. */
export function runScript(parent: string, name: string, code: string, model: string, files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(parent, 'script-'));
  symlinkSync(join(REPO, 'node_modules'), join(dir, 'node_modules'));
  writeFileSync(join(dir, 'run.onnx'), readFileSync(model));
  for (const [file, text] of Object.entries(files)) writeFileSync(join(dir, file), text);
  writeFileSync(join(dir, name), code);
  return execFileSync(process.execPath, [name], { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** A binary model's P(positive) for one row of raw cells, encoded by the reference encoder from the export's document alone. */
export async function referenceProbability(t: ExportedRun, cells: Row): Promise<number> {
  const session = await ort.InferenceSession.create(t.onnxPath);
  try {
    const feeds = Object.fromEntries(t.doc.inputs.map((input) => { const v = encodeInputs(input, [[cells]], t.doc); return [input.name, new ort.Tensor(v.dtype, v.data as never, v.dims)]; }));
    return 1 / (1 + Math.exp(-((await session.run(feeds)).logit.data[0] as number)));
  } finally {
    await session.release();
  }
}
