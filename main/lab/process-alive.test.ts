// The liveness checks lab processes use to tell a live owner from a dead one, against real processes.
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { uptime } from 'node:os';
import { isAlive, writtenBeforeBoot } from './process-alive';

describe('isAlive', () => {
  it('is true for a running process and false once it has exited, and for pids no process can have', async () => {
    const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)']);
    try {
      expect(isAlive(process.pid)).toBe(true);
      expect(isAlive(child.pid!)).toBe(true);
    } finally {
      const exited = once(child, 'exit');
      child.kill('SIGKILL');
      await exited;
    }
    expect(isAlive(child.pid!)).toBe(false);
    for (const pid of [0, -1, 1.5, Number.NaN]) expect(isAlive(pid)).toBe(false);
  });
});

describe('writtenBeforeBoot', () => {
  it('is true for a time before the last boot, false for one since it (or a time it cannot read)', () => {
    const now = Date.now();
    const boot = now - uptime() * 1000;
    expect(writtenBeforeBoot(new Date(boot - 3_600_000).toISOString(), now)).toBe(true);
    expect(writtenBeforeBoot(new Date(now - 1000).toISOString(), now)).toBe(false);
    expect(writtenBeforeBoot(new Date(boot + 1000).toISOString(), now)).toBe(false);
    expect(writtenBeforeBoot('not a time', now)).toBe(false);
  });
});
