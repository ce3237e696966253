// `npm run setup:gpu` says why the CUDA provider was not installed, with no network and no GPU needed to
// test it: the checks before the download (driver, the feed's host) and the reading of what ONNX Runtime's
// installer did (offline it printed ENOTFOUND; under npm it exited 0 having done nothing).
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { downloadProblem, driverProblem, installEnv, lookupProblem, usesProxy } from './setup-gpu.mjs';

const enoent = Object.assign(new Error('spawnSync nvidia-smi ENOENT'), { code: 'ENOENT' });
const BIN = '/x/node_modules/onnxruntime-node/bin/napi-v6/linux/x64';

describe('the NVIDIA driver check (before a download of several hundred MB)', () => {
  it('no nvidia-smi and no /proc/driver/nvidia: says so, and how a driver shows itself', () => {
    const p = driverProblem({ procVersion: null, smi: { status: null, error: enoent } });
    expect(p).toBe('no NVIDIA driver found: nvidia-smi is not on the PATH and /proc/driver/nvidia/version does not exist. The CUDA provider needs an NVIDIA GPU with its driver installed (nvidia-smi then shows "CUDA Version: 12.x" or later)');
  });

  it('nvidia-smi present but failing (driver not loaded) is named with its own words', () => {
    const p = driverProblem({ procVersion: null, smi: { status: 9, stdout: '', stderr: 'NVIDIA-SMI has failed because it couldn\'t communicate with the NVIDIA driver.\n' } });
    expect(p).toContain("nvidia-smi failed (NVIDIA-SMI has failed because it couldn't communicate with the NVIDIA driver.)");
  });

  it('a driver for CUDA 11 is refused; one for CUDA 12, or the kernel module alone, passes', () => {
    const smi = (v: string) => ({ status: 0, stdout: `| NVIDIA-SMI 470.82.01    Driver Version: 470.82.01    CUDA Version: ${v}     |\n` });
    expect(driverProblem({ procVersion: 'NVRM version: 470.82.01', smi: smi('11.4') })).toBe("the NVIDIA driver supports CUDA up to 11.4 (nvidia-smi), and ONNX Runtime's provider needs CUDA 12: update the driver");
    expect(driverProblem({ procVersion: 'NVRM version: 550.54', smi: smi('12.4') })).toBeNull();
    expect(driverProblem({ procVersion: 'NVRM version: 550.54', smi: { status: null, error: enoent } })).toBeNull();
  });
});

describe('the feed host check', () => {
  it('a name that does not resolve: no internet or no DNS, and the proxy variable to set', () => {
    const p = lookupProblem(Object.assign(new Error('getaddrinfo ENOTFOUND api.nuget.org'), { code: 'ENOTFOUND' }));
    expect(p).toMatch(/^api\.nuget\.org cannot be reached: its name does not resolve \(ENOTFOUND\)\. This machine seems to have no internet access/);
    expect(p).toContain('GLOBAL_AGENT_HTTPS_PROXY');
    expect(lookupProblem(null)).toBeNull();
  });

  it('is skipped behind a proxy (the host need not resolve here), and HTTPS_PROXY reaches the installer', () => {
    expect(usesProxy({ HTTPS_PROXY: 'http://proxy:3128' })).toBe(true);
    expect(usesProxy({})).toBe(false);
    expect(installEnv({ HTTPS_PROXY: 'http://proxy:3128' }).GLOBAL_AGENT_HTTPS_PROXY).toBe('http://proxy:3128');
    expect(installEnv({ HTTPS_PROXY: 'http://a', GLOBAL_AGENT_HTTPS_PROXY: 'http://b' }).GLOBAL_AGENT_HTTPS_PROXY).toBe('http://b');
  });
});

describe("reading what ONNX Runtime's installer did", () => {
  it('runs it without the npm variables that made it exit 0 silently (it took itself for a local install)', () => {
    const env = installEnv({ npm_config_local_prefix: '/work/main', npm_package_json: '/work/main/package.json', PATH: '/usr/bin' });
    expect(env.npm_config_local_prefix).toBeUndefined();
    expect(env.npm_package_json).toBeUndefined();
    expect(env.ONNXRUNTIME_NODE_INSTALL).toBe('cuda12');
    expect(env.PATH).toBe('/usr/bin');
  });

  it('offline: the host that did not resolve, from its stack trace', () => {
    const output = "node:internal/process/promises:391\n    triggerUncaughtException(err, true);\n\nError: getaddrinfo ENOTFOUND api.nuget.org\n    at GetAddrInfoReqWrap.onlookupall (node:dns:122:26) {\n  code: 'ENOTFOUND',\n}\n";
    expect(downloadProblem({ status: 1, output, installed: false, binDir: BIN })).toMatch(/^api\.nuget\.org cannot be reached: its name does not resolve\./);
  });

  it('an exit code 0 with nothing written is a failure that says so (there is nothing "above" to see)', () => {
    expect(downloadProblem({ status: 0, output: '', installed: false, binDir: BIN })).toBe(`ONNX Runtime's installer ended without an error but wrote no CUDA provider into ${BIN} (it printed nothing)`);
  });

  it('names refused connections, HTTP errors, a full disk and permissions; an installed provider is no problem', () => {
    expect(downloadProblem({ status: 1, output: 'Error: connect ECONNREFUSED 10.0.0.1:443', installed: false, binDir: BIN })).toMatch(/^the connection to api\.nuget\.org failed \(ECONNREFUSED\)/);
    expect(downloadProblem({ status: 1, output: 'Error: connect ECONNREFUSED 127.0.0.1:9', installed: false, binDir: BIN, proxy: 'http://127.0.0.1:9' })).toBe("the connection to api.nuget.org through the proxy http://127.0.0.1:9 failed (ECONNREFUSED): check the proxy's address and that it is running");
    expect(downloadProblem({ status: 1, output: 'Error: Failed to download from https://x. HTTP status code = 503', installed: false, binDir: BIN })).toMatch(/^the NuGet feed answered HTTP 503/);
    expect(downloadProblem({ status: 1, output: 'Error: ENOSPC: no space left on device, write', installed: false, binDir: BIN })).toMatch(/^the disk is full/);
    expect(downloadProblem({ status: 1, output: "Error: EACCES: permission denied, open '/x/lib.so'", installed: false, binDir: BIN })).toBe(`no permission to write into ${BIN}: run it as the user who ran npm install`);
    expect(downloadProblem({ status: 1, output: 'Error: something else\n', installed: false, binDir: BIN })).toBe("ONNX Runtime's installer failed (exit code 1): Error: something else");
    expect(downloadProblem({ status: 0, output: '', installed: true, binDir: BIN })).toBeNull();
  });
});

// On a machine without an NVIDIA driver (this one), the script itself stops before any download, and says why
// (unless the provider is already there: then it says that first).
const binDir = join(dirname(createRequire(import.meta.url).resolve('onnxruntime-node/package.json')), 'bin', 'napi-v6', 'linux', 'x64');
const installed = existsSync(binDir) && readdirSync(binDir).some((f) => f.startsWith('libonnxruntime_providers_cuda'));
const noDriver = process.platform === 'linux' && process.arch === 'x64' && !installed && !existsSync('/proc/driver/nvidia/version') && spawnSync('nvidia-smi').error !== undefined;
describe.skipIf(!noDriver)('the script on a machine without an NVIDIA driver', () => {
  it('exits 1 with the driver message and downloads nothing', () => {
    const r = spawnSync(process.execPath, ['scripts/setup-gpu.mjs'], { encoding: 'utf8', timeout: 30_000 });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^setup:gpu: no NVIDIA driver found: nvidia-smi is not on the PATH/);
    expect(r.stderr).toContain('Nothing was downloaded');
    expect(r.stdout).not.toContain('downloading');
  });
});
