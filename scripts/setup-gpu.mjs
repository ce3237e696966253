#!/usr/bin/env node
// `npm run setup:gpu`: installs ONNX Runtime's CUDA 12 execution provider next to onnxruntime-node's
// CPU binaries, using that package's own install script (it downloads the matching
// Microsoft.ML.OnnxRuntime.Gpu.Linux NuGet package, so it needs network access). The repo's .npmrc
// skips this download on `npm install`; this script asks for it explicitly.
// Needs: Linux x64, an NVIDIA driver for CUDA 12, CUDA 12 and cuDNN 9 runtime libraries on the library path.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { arch, platform } from 'node:os';
import { dirname, join } from 'node:path';

const where = `${platform()}/${arch()}`;
if (where !== 'linux/x64') {
  console.error(`setup:gpu: ONNX Runtime's Node package offers a downloadable CUDA provider only on linux/x64 (this is ${where}). GateLab runs on the CPU here.`);
  process.exit(2);
}
const pkgDir = dirname(createRequire(import.meta.url).resolve('onnxruntime-node/package.json'));
const binDir = join(pkgDir, 'bin', 'napi-v6', 'linux', 'x64');
const hasCuda = () => existsSync(binDir) && readdirSync(binDir).some((f) => f.startsWith('libonnxruntime_providers_cuda'));
if (hasCuda()) {
  console.log(`setup:gpu: the CUDA provider is already installed in ${binDir}`);
  process.exit(0);
}
console.log('setup:gpu: downloading the ONNX Runtime CUDA 12 provider (a few hundred MB)...');
const r = spawnSync(process.execPath, [join(pkgDir, 'script', 'install.js'), '--onnxruntime-node-install=cuda12'], {
  stdio: 'inherit',
  cwd: pkgDir,
  // The env var wins over .npmrc's `onnxruntime-node-install=skip`, which npm exports to scripts.
  env: { ...process.env, ONNXRUNTIME_NODE_INSTALL: 'cuda12', npm_config_onnxruntime_node_install: 'cuda12' },
});
if (r.status !== 0 || !hasCuda()) {
  console.error('setup:gpu: the download failed (see above). It needs access to the NuGet feed (api.nuget.org); behind a proxy set GLOBAL_AGENT_HTTPS_PROXY.');
  process.exit(1);
}
console.log(`setup:gpu: installed. Settings > Execution provider now offers CUDA; if a run cannot load it (driver, CUDA 12 or cuDNN 9 missing), it falls back to the CPU and says why.`);
