// What this machine offers: execution providers with the reason one is missing, cores, platform.
// CUDA counts as available only when ONNX Runtime's CUDA provider library is installed next to the
// binding (`npm run setup:gpu` puts it there); the trainer still falls back to CPU if loading it fails.
import { existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism, platform, arch } from 'node:os';
import { dirname, join } from 'node:path';
import type { z } from 'zod';
import type { ExecutionProviderInfo } from '../../../common/lab-api';

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
