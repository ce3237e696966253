// Test helper (test-only): run a `gatelab` command line and collect its exit code, stdout and stderr.
//
// gatelabProcess: a real child process (bin/gatelab.js), as a user runs it. Keep it for what only a process
//   shows: the exit status the shell sees, signals, kills, two processes at once, a lab never opened.
// gatelab: the same main() in this test process. A child pays ~1 s (tsx, the module graph) before the verb
//   even starts; in-process the modules load once per test file. The verb's own code, its lab and its
//   trainer processes are the same, so for what a command prints and returns this is the same test.
//   Mirrors a piped child: stdout/stderr are not a TTY, --home or `env` picks the lab, and the code is the
//   one bin/gatelab.js would exit with. One command at a time (the output is captured process-wide).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { format } from 'node:util';
import { main } from '../../cli';

export interface CliOutput {
  code: number | null;
  out: string;
  err: string;
}

const BIN = fileURLToPath(new URL('../../../bin/gatelab.js', import.meta.url));
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** `gatelab ARGS` in a child process (stdout and stderr piped, as in a script). */
export function gatelabProcess(args: string[], env: NodeJS.ProcessEnv = {}): CliOutput {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ...env } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

let busy = false;

/** `gatelab ARGS` run by main() in this process; `env` is set for the command's duration. */
export async function gatelab(args: string[], env: NodeJS.ProcessEnv = {}): Promise<CliOutput> {
  if (busy) throw new Error('gatelab (in-process): one command at a time; use gatelabProcess for concurrent commands');
  busy = true;
  const out: string[] = [];
  const err: string[] = [];
  const saved = {
    log: console.log, info: console.info, warn: console.warn, error: console.error,
    stdoutWrite: process.stdout.write, stderrWrite: process.stderr.write,
    stdoutErrorListeners: process.stdout.listeners('error'),
    stdoutTTY: Object.getOwnPropertyDescriptor(process.stdout, 'isTTY'),
    stderrTTY: Object.getOwnPropertyDescriptor(process.stderr, 'isTTY'),
    env: Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]])),
  };
  const toOut = (...a: unknown[]) => { out.push(`${format(...a)}\n`); };
  const toErr = (...a: unknown[]) => { err.push(`${format(...a)}\n`); };
  // vitest routes console.* through its own console: both it and the raw streams are captured.
  console.log = toOut;
  console.info = toOut;
  console.warn = toErr;
  console.error = toErr;
  process.stdout.write = ((chunk: string | Uint8Array) => { out.push(String(chunk)); return true; }) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string | Uint8Array) => { err.push(String(chunk)); return true; }) as typeof process.stderr.write;
  // A child with piped stdio has no TTY: no \r progress lines on stderr.
  Object.defineProperty(process.stdout, 'isTTY', { value: false, configurable: true });
  Object.defineProperty(process.stderr, 'isTTY', { value: false, configurable: true });
  for (const [k, v] of Object.entries(env)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  try {
    const code = await main(args);
    return { code, out: out.join(''), err: err.join('') };
  } finally {
    Object.assign(console, { log: saved.log, info: saved.info, warn: saved.warn, error: saved.error });
    process.stdout.write = saved.stdoutWrite;
    process.stderr.write = saved.stderrWrite;
    // The run verbs replace stdout's 'error' listeners (EPIPE while training): give this process its own back.
    process.stdout.removeAllListeners('error');
    for (const l of saved.stdoutErrorListeners) process.stdout.on('error', l as (e: Error) => void);
    for (const [stream, d] of [[process.stdout, saved.stdoutTTY], [process.stderr, saved.stderrTTY]] as const) {
      if (d) Object.defineProperty(stream, 'isTTY', d);
      else delete (stream as { isTTY?: boolean }).isTTY;
    }
    for (const [k, v] of Object.entries(saved.env)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    busy = false;
  }
}
