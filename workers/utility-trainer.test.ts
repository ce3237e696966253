// The desktop app's trainer entry (workers/utility-trainer.mjs) in a process shaped like Electron's
// utilityProcess (process.parentPort, no Node IPC channel): a real demo run starts, reports, checkpoints
// and finishes over the parent port, and the process exits by itself afterwards.
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { parseRunConfig } from '../common/runs/config';

const CHILD = fileURLToPath(new URL('./testing/parent-port-child.mjs', import.meta.url));

describe('utilityProcess trainer entry', () => {
  it('trains a run over process.parentPort and exits when it is done', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gatelab-utility-'));
    try {
      const child = spawn(process.execPath, [CHILD], { stdio: ['pipe', 'pipe', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (d) => (stderr += d));
      const messages: Array<{ type: string; status?: string }> = [];
      createInterface({ input: child.stdout }).on('line', (l) => messages.push(JSON.parse(l)));
      const config = parseRunConfig({ epochs: 1, batchSize: 64, data: { kind: 'synthetic', samples: 512 } });
      child.stdin.write(`${JSON.stringify({ type: 'start', spec: { runId: 1, config, checkpointDir: dir } })}\n`);
      const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
      const types = messages.map((m) => m.type);
      expect(types[0], stderr).toBe('ready');
      expect(types).toContain('metrics');
      expect(types).toContain('checkpoint');
      expect(messages.find((m) => m.type === 'finished')?.status).toBe('completed');
      expect(code).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
