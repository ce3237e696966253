// The port `gatelab serve` last listened on for a lab home, kept beside the token (serve-port), so that a
// restart without --port comes back on the same address. That is what lets an open tab reconnect by itself:
// it retries the same host:port, and its token cookie is named by that port (auth.ts). When the port is
// taken the lab still starts, on a free port, and says in one line that old tabs will not reconnect.
// The record names the serve process holding the port: a second serve on the same home (allowed: lab
// processes share a home) has to take another port, and must leave the first one's record alone, or the
// first one would lose its address at its next restart.
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isAlive, writtenBeforeBoot } from '../lab/process-alive';

export const PORT_FILE = 'serve-port';

export interface PortRecord {
  port: number;
  /** The serve that listened on it; absent in a file written by hand (just a number). */
  pid?: number;
  /** When that serve started listening (ISO): a pid recorded before the last boot is someone else's now. */
  since?: string;
}

export interface LastPort {
  file: string;
  record: PortRecord | null;
  /** Why a file that is there holds no usable port (unreadable, not a port). */
  problem?: string;
}

const isPort = (n: unknown): n is number => Number.isInteger(n) && (n as number) > 0 && (n as number) <= 65535;

/** The home's recorded port, or none (first serve on this home, or a file that holds no port: `problem` says which). */
export function lastPort(home: string): LastPort {
  const file = join(home, PORT_FILE);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { file, record: null };
    return { file, record: null, problem: `cannot read the last port in ${file} (${code ?? (e as Error).message})` };
  }
  const record = parseRecord(text.trim());
  if (!record) return { file, record: null, problem: `${file} does not hold a port number (1..65535)` };
  return { file, record };
}

function parseRecord(text: string): PortRecord | null {
  if (/^\d+$/.test(text)) return isPort(Number(text)) ? { port: Number(text) } : null;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return null;
  }
  const { port, pid, since } = (json ?? {}) as Record<string, unknown>;
  if (!isPort(port)) return null;
  return {
    port,
    ...(Number.isInteger(pid) && (pid as number) > 0 ? { pid: pid as number } : {}),
    ...(typeof since === 'string' ? { since } : {}),
  };
}

/** The pid of another live serve that recorded this port (so it is still on it), else null. */
export function holderOf(record: PortRecord | null, self = process.pid): number | null {
  if (!record?.pid || record.pid === self) return null;
  if (record.since && writtenBeforeBoot(record.since)) return null;
  return isAlive(record.pid) ? record.pid : null;
}

/**
 * Records that this process now listens on `port`, unless another live serve holds the recorded port and
 * this one is elsewhere (a second serve on the home). Returns a warning when the file cannot be written.
 * Written beside it and renamed into place: a crash leaves the old record or the new one, never half of one.
 */
export function recordPort(home: string, port: number, previous: PortRecord | null, self = process.pid): { recorded: boolean; warning?: string } {
  if (previous && previous.port !== port && holderOf(previous, self) !== null) return { recorded: false };
  const file = join(home, PORT_FILE);
  const tmp = `${file}.${self}.tmp`;
  try {
    writeFileSync(tmp, `${JSON.stringify({ port, pid: self, since: new Date().toISOString() })}\n`);
    renameSync(tmp, file);
    return { recorded: true };
  } catch (e) {
    try {
      rmSync(tmp, { force: true });
    } catch {
      /* not ours to remove (a folder of that name): the warning below is what matters */
    }
    const why = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    return { recorded: false, warning: `could not record port ${port} in ${file} (${why}): the next start will not know it, so tabs open now may not reconnect after a restart` };
  }
}

/** What a listen attempt needs: a server that knows its port. */
export interface Listening {
  port: number;
}

export interface OnHomePort<S> {
  server: S;
  /** Lines for stderr (without the `gatelab serve: ` prefix): a fallback, an unreadable or unwritable record. */
  notes: string[];
}

/**
 * Listens for the lab home `home` by serve's port rules. `option` is --port as given: P exactly (the
 * caller's error when it is busy) and recorded; 0 any free port, neither read nor recorded (a one-off,
 * e.g. a test, leaves the address of your usual tabs alone); undefined the recorded port when it is
 * free, else a free one, with a note saying which and what it means for open tabs.
 */
export async function listenOnHomePort<S extends Listening>(
  home: string,
  option: number | undefined,
  listen: (port: number) => Promise<S>,
  self = process.pid,
): Promise<OnHomePort<S>> {
  if (option === 0) return { server: await listen(0), notes: [] };
  const notes: string[] = [];
  const last = lastPort(home);
  if (last.problem && option === undefined) notes.push(`${last.problem}: serving on a free port`);
  const wanted = option ?? last.record?.port ?? 0;
  let server: S;
  try {
    server = await listen(wanted);
  } catch (e) {
    const { code, syscall } = e as NodeJS.ErrnoException;
    if (option !== undefined || wanted === 0 || syscall !== 'listen') throw e;
    // busy, or (a port written by hand) not allowed: the lab starts anyway, and says what it means for open tabs
    server = await listen(0);
    const holder = code === 'EADDRINUSE' ? holderOf(last.record, self) : null;
    notes.push(holder === null
      ? `port ${wanted} (last used) is ${code === 'EADDRINUSE' ? 'busy' : `not available (${code})`}; serving on ${server.port} — open tabs of the old address will not reconnect`
      : `port ${wanted} (last used) is taken by another gatelab serve on this lab home (pid ${holder}); serving on ${server.port}, not kept for the next start — tabs of the old address stay with that one`);
  }
  const { warning } = recordPort(home, server.port, last.record, self);
  if (warning) notes.push(warning);
  return { server, notes };
}
