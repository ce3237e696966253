// @vitest-environment node
// The browser's LabApi client against the real serve-mode server: it reconnects after a drop, and when
// `gatelab serve` comes back with a new token (an open tab's token is then refused with 401) it stops
// retrying and says which URL to open. The socket is the `ws` package's WebSocket (same API as a
// browser's; Node 20 has none built in).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { Lab } from '../../main/lab/lab';
import { startServer, type RunningServer } from '../../main/serve/server';
import { connectSocketLab, RESTARTED, tokenRefused, type ConnectionState } from './ws-client';

let dir: string;
let ui: string;
let lab: Lab;

beforeAll(async () => {
  (globalThis as { WebSocket?: unknown }).WebSocket ??= WebSocket;
  dir = mkdtempSync(join(tmpdir(), 'gatelab-ws-client-'));
  ui = join(dir, 'ui');
  mkdirSync(ui, { recursive: true });
  writeFileSync(join(ui, 'index.html'), '<!doctype html><title>GateLab</title>');
  lab = await Lab.open({ home: join(dir, 'home'), face: 'test' });
});
afterAll(async () => {
  await lab.close();
  rmSync(dir, { recursive: true, force: true });
});

const socketUrl = (s: RunningServer, token = s.token) => `ws://127.0.0.1:${s.port}/lab?token=${token}`;

async function until(check: () => boolean, ms = 15_000): Promise<void> {
  const t0 = Date.now();
  while (!check()) {
    if (Date.now() - t0 > ms) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('ws-client', () => {
  it('tells a refused token (401) from a lab that is not there', async () => {
    const server = await startServer({ lab, rendererDir: ui, port: 0 });
    try {
      expect(await tokenRefused(socketUrl(server))).toBe(false);
      expect(await tokenRefused(socketUrl(server, 'stale'))).toBe(true);
    } finally {
      await server.close();
    }
    expect(await tokenRefused(socketUrl(server))).toBe(false); // nothing listens: retry, not "restarted"
  });

  it('stops retrying and names the new URL when serve restarts with a new token', async () => {
    const first = await startServer({ lab, rendererDir: ui, port: 0 });
    const states: [ConnectionState, string][] = [];
    const client = connectSocketLab(socketUrl(first));
    client.onState((s, d) => states.push([s, d]));
    await until(() => states.at(-1)?.[0] === 'open');
    expect((await client.invoke('system.info', {})).face).toBe('test');

    await first.close();
    await until(() => states.some(([s, d]) => s === 'closed' && /not reachable; retrying/.test(d)));
    const second = await startServer({ lab, rendererDir: ui, port: first.port });
    try {
      expect(second.token).not.toBe(first.token);
      await until(() => states.at(-1)?.[1] === RESTARTED);
      expect(RESTARTED).toMatch(/open the new URL it printed/);
      // No more attempts: the state stays put for longer than the longest backoff would allow.
      const seen = states.length;
      await new Promise((r) => setTimeout(r, 1500));
      expect(states.length).toBe(seen);
      await expect(client.invoke('system.info', {})).rejects.toThrow(/open the new URL/);
    } finally {
      await second.close();
    }
  });
});
