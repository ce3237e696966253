#!/usr/bin/env node
// `npm run setup:gpu`: installs ONNX Runtime's CUDA 12 execution provider next to onnxruntime-node's
// CPU binaries, using that package's own install script (it downloads the matching
// Microsoft.ML.OnnxRuntime.Gpu.Linux NuGet package, so it needs network access). The repo's .npmrc
// skips this download on `npm install`; this script asks for it explicitly.
// Needs: Linux x64, an NVIDIA driver for CUDA 12, CUDA 12 and cuDNN 9 runtime libraries on the library path.
//
// The script checks what it can before a download of several hundred MB (the driver, the feed's host) and
// checks the result itself afterwards: ONNX Runtime's installer can end with exit code 0 having done
// nothing (under npm, see installEnv), so "see above" could point at nothing.
import { spawn, spawnSync } from 'node:child_process';
import { lookup } from 'node:dns/promises';
import { existsSync, readFileSync, readdirSync, realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
import { arch, platform } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

export const FEED_HOST = 'api.nuget.org';
const PROXY_HINT = 'behind a proxy, set GLOBAL_AGENT_HTTPS_PROXY=http://proxy:port (ONNX Runtime\'s installer reads that variable; this script copies HTTPS_PROXY into it when only that is set)';

/**
 * The environment for ONNX Runtime's install script. It must not look like npm installing onnxruntime-node's
 * own checkout: its flag parser returns nothing for `cuda12` (onnxruntime-node 1.2x, script/install-utils.js),
 * and with no flag it exits 0 at once when npm_config_local_prefix is the folder of npm_package_json, which
 * is what `npm run` sets. So those two go; the flag is given as the variable its parser reads first. A proxy
 * given as HTTPS_PROXY (what most tools read) is passed on as the global-agent variable the installer reads.
 */
export function installEnv(env) {
  const out = { ...env, ONNXRUNTIME_NODE_INSTALL: 'cuda12', npm_config_onnxruntime_node_install: 'cuda12' };
  delete out.npm_config_local_prefix;
  delete out.npm_package_json;
  const proxy = env.HTTPS_PROXY ?? env.https_proxy;
  if (proxy && !env.GLOBAL_AGENT_HTTPS_PROXY) out.GLOBAL_AGENT_HTTPS_PROXY = proxy;
  return out;
}

/** Whether a proxy is configured for the download (then the feed's host need not resolve here). */
export const usesProxy = (env) => !!(env.GLOBAL_AGENT_HTTPS_PROXY ?? env.HTTPS_PROXY ?? env.https_proxy);

/**
 * Whether an NVIDIA driver that can run CUDA 12 is there, from what the machine says: the kernel module's
 * /proc/driver/nvidia/version (null: absent) and `nvidia-smi` (its exit status and output; error: it
 * could not be started, e.g. not on the PATH). Returns null when it is, else why not, in words.
 */
export function driverProblem({ procVersion, smi }) {
  const smiRan = !smi.error && smi.status === 0;
  if (!procVersion && !smiRan) {
    const smiSays = smi.error ? (smi.error.code === 'ENOENT' ? 'nvidia-smi is not on the PATH' : `nvidia-smi could not start (${smi.error.message})`)
      : `nvidia-smi failed (${lastLine(smi.stderr || smi.stdout) || `exit code ${smi.status}`})`;
    return `no NVIDIA driver found: ${smiSays} and /proc/driver/nvidia/version does not exist. The CUDA provider needs an NVIDIA GPU with its driver installed (nvidia-smi then shows "CUDA Version: 12.x" or later)`;
  }
  // nvidia-smi's header names the newest CUDA the driver runs ("CUDA Version: 11.4"): ORT's provider is for CUDA 12
  const cuda = /CUDA Version:\s*(\d+)\.(\d+)/.exec(smiRan ? smi.stdout : '');
  if (cuda && Number(cuda[1]) < 12) return `the NVIDIA driver supports CUDA up to ${cuda[1]}.${cuda[2]} (nvidia-smi), and ONNX Runtime's provider needs CUDA 12: update the driver`;
  return null;
}

/** Why the feed's host cannot be reached, from a DNS lookup's error (null: it resolved). */
export function lookupProblem(error, host = FEED_HOST) {
  if (!error) return null;
  if (error.code === 'ENOTFOUND' || error.code === 'EAI_AGAIN' || error.code === 'ETIMEOUT') {
    return `${host} cannot be reached: its name does not resolve (${error.code}). This machine seems to have no internet access or no DNS for it; ${PROXY_HINT}`;
  }
  return `${host} cannot be reached (${error.code ?? error.message}); ${PROXY_HINT}`;
}

const lastLine = (text) => (text ?? '').trim().split('\n').map((l) => l.trim()).filter(Boolean).at(-1) ?? '';

/**
 * What went wrong with the download, from the installer's exit status, everything it printed, and whether
 * the provider's library is now in `binDir` (`proxy`: the one the installer went through, if any). Null when it is installed.
 */
export function downloadProblem({ status, output, installed, binDir, proxy = null }) {
  if (installed) return null;
  const text = output ?? '';
  const host = /(?:ENOTFOUND|EAI_AGAIN)\s+(\S+)/.exec(text)?.[1] ?? FEED_HOST;
  if (/\b(ENOTFOUND|EAI_AGAIN)\b/.test(text)) return `${host} cannot be reached: its name does not resolve. This machine seems to have no internet access or no DNS for it; ${PROXY_HINT}`;
  const net = /\b(ECONNREFUSED|ECONNRESET|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH|CERT_\w+|UNABLE_TO_\w+|SELF_SIGNED_CERT\w*)\b/.exec(text);
  if (net) return proxy ? `the connection to ${FEED_HOST} through the proxy ${proxy} failed (${net[1]}): check the proxy's address and that it is running`
    : `the connection to ${FEED_HOST} failed (${net[1]}); ${PROXY_HINT}`;
  const http = /HTTP status code = (\d+)/.exec(text);
  if (http) return `the NuGet feed answered HTTP ${http[1]} for the provider's package: try again later, or check that this onnxruntime-node version still has its package on ${FEED_HOST}`;
  if (/\bENOSPC\b/.test(text)) return 'the disk is full: the download and its unpacked libraries need about 1 GB free in node_modules and the temp folder';
  if (/\bEACCES\b|\bEPERM\b/.test(text)) return `no permission to write into ${binDir}: run it as the user who ran npm install`;
  const said = lastLine(text);
  if (status === 0) return `ONNX Runtime's installer ended without an error but wrote no CUDA provider into ${binDir}${said ? ` (its last words: ${said})` : ' (it printed nothing)'}`;
  return `ONNX Runtime's installer failed (${status === null ? 'killed' : `exit code ${status}`})${said ? `: ${said}` : ''}`;
}

const say = (line) => console.log(`setup:gpu: ${line}`);
const fail = (line, code = 1) => {
  console.error(`setup:gpu: ${line}`);
  process.exit(code);
};

async function main(args) {
  const where = `${platform()}/${arch()}`;
  if (where !== 'linux/x64') fail(`ONNX Runtime's Node package offers a downloadable CUDA provider only on linux/x64 (this is ${where}). GateLab runs on the CPU here.`, 2);
  const pkgDir = dirname(createRequire(import.meta.url).resolve('onnxruntime-node/package.json'));
  const binDir = join(pkgDir, 'bin', 'napi-v6', 'linux', 'x64');
  const hasCuda = () => existsSync(binDir) && readdirSync(binDir).some((f) => f.startsWith('libonnxruntime_providers_cuda'));
  if (hasCuda()) {
    say(`the CUDA provider is already installed in ${binDir}`);
    return;
  }
  const force = args.includes('--force');
  if (!force) {
    const procVersion = existsSync('/proc/driver/nvidia/version') ? readFileSync('/proc/driver/nvidia/version', 'utf8') : null;
    const smi = spawnSync('nvidia-smi', [], { encoding: 'utf8', timeout: 20_000 });
    const driver = driverProblem({ procVersion, smi });
    if (driver) fail(`${driver}. Nothing was downloaded. (To download anyway, e.g. for an image that will run on a GPU machine: npm run setup:gpu -- --force)`);
  }
  if (!usesProxy(process.env)) {
    const unreachable = await lookup(FEED_HOST).then(() => null, (e) => lookupProblem(e));
    if (unreachable) fail(`${unreachable}. Nothing was downloaded.`);
  }
  say('downloading the ONNX Runtime CUDA 12 provider (a few hundred MB)...');
  // The installer's output is shown as it comes and kept, to say afterwards what went wrong in one line.
  const child = spawn(process.execPath, [join(pkgDir, 'script', 'install.js'), '--onnxruntime-node-install=cuda12'], { cwd: pkgDir, env: installEnv(process.env), stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (d) => { output += d; process.stdout.write(d); });
  child.stderr.on('data', (d) => { output += d; process.stderr.write(d); });
  const status = await new Promise((resolve) => {
    child.on('error', (e) => { output += `\n${e.message}`; resolve(-1); });
    child.on('close', (code) => resolve(code));
  });
  const problem = downloadProblem({ status, output, installed: hasCuda(), binDir, proxy: installEnv(process.env).GLOBAL_AGENT_HTTPS_PROXY ?? null });
  if (problem) fail(`the CUDA provider was not installed: ${problem}.`);
  say(`installed in ${binDir}. Settings > Execution provider now offers CUDA; if a run cannot load it (driver, CUDA 12 or cuDNN 9 missing), it falls back to the CPU and says why.`);
}

// run as a script (node scripts/setup-gpu.mjs, npm run setup:gpu), not when a test imports the checks
if (process.argv[1] && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href) await main(process.argv.slice(2));
