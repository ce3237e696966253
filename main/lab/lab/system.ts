// What this machine offers: execution providers with the reason one is missing, cores, platform.
// CUDA counts as available only when ONNX Runtime's CUDA provider library is installed next to the
// binding (`npm run setup:gpu` puts it there); the trainer still falls back to CPU if loading it fails.
import { existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism, platform, arch } from 'node:os';
import { dirname, join } from 'node:path';
import type { z } from 'zod';
import type { ExecutionProviderInfo, SystemInfo } from '../../../common/lab-api';
import type { LabStore } from '../store/index';
import { resumeNotes } from '../runs/resume-notes';

type EpInfo = z.infer<typeof ExecutionProviderInfo>;

function ortBinaryDir(): string | null {
  try {
    const pkg = createRequire(import.meta.url).resolve('onnxruntime-node/package.json');
    return join(dirname(pkg), 'bin', 'napi-v6', platform(), arch());
  } catch {
    return null;
  }
}

export function detectExecutionProviders(): EpInfo[] {
  const cpu: EpInfo = { name: 'cpu', available: true, reason: 'always available' };
  if (platform() === 'darwin') return [cpu, { name: 'cuda', available: false, reason: 'CUDA is not supported on macOS' }];
  const dir = ortBinaryDir();
  if (!dir || !existsSync(dir)) return [cpu, { name: 'cuda', available: false, reason: 'onnxruntime-node has no binary for this platform' }];
  const hasCuda = readdirSync(dir).some((f) => /onnxruntime_providers_cuda/.test(f));
  return [
    cpu,
    hasCuda
      ? { name: 'cuda', available: true, reason: `CUDA provider found in ${dir}; needs an NVIDIA driver with CUDA 12 and cuDNN 9` }
      : { name: 'cuda', available: false, reason: 'the CUDA 12 provider of ONNX Runtime is not installed: run `npm run setup:gpu` (needs network and an NVIDIA GPU with CUDA 12)' },
  ];
}

export const cores = (): number => availableParallelism();

/** What a damaged key of the settings table held, in the user's words (the key itself for others). */
const SETTING_WORDS: Array<[RegExp, string]> = [
  [/^lab$/, 'Settings (execution provider, threads, concurrent runs, theme)'],
  [/^quit\.pausedRuns$/, 'the runs paused at the last quit (the offer to resume them)'],
  [/^runs\.resumeNotes$/, 'the notes of runs that resumed past a damaged checkpoint'],
  [/^dataset\.(\d+)\.label$/, 'the label rule of dataset $1'],
  [/^demo\.installedVersion$/, 'the installed demo datasets version'],
];
export const settingInWords = (key: string): string => {
  for (const [re, words] of SETTING_WORDS) if (re.test(key)) return key.replace(re, words);
  return `the setting '${key}'`;
};

/**
 * The warnings system.info carries so the app can show them (before, they were only printed): settings whose
 * stored text is damaged (they read as defaults until saved again) and runs that resumed past a damaged
 * checkpoint (resume-notes.ts), for runs that still exist.
 */
export function labWarnings(store: LabStore | null): Required<Pick<SystemInfo, 'damagedSettings' | 'skippedCheckpoints'>> {
  if (!store) return { damagedSettings: [], skippedCheckpoints: [] };
  const present = store.settings.all(); // parses every row, so a damaged one is known before anything read it
  const damagedSettings = Object.entries(store.settings.damaged())
    .filter(([key]) => key in present)
    .map(([key, text]) => ({ key, text: text.length > 200 ? `${text.slice(0, 200)}…` : text, what: settingInWords(key) }));
  const runs = new Set((store.db.prepare('SELECT id FROM runs').all() as Array<{ id: number }>).map((r) => String(r.id)));
  const skippedCheckpoints = Object.entries(resumeNotes(store.settings))
    .filter(([runId]) => runs.has(runId))
    .map(([runId, note]) => ({ runId, note }));
  return { damagedSettings, skippedCheckpoints };
}
