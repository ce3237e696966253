// Graceful quit of the desktop app: pause the running runs (each trainer checkpoints at the pause), wait
// until they are paused, and remember which ones, so the next start can offer to resume them.
import type { RunsPort } from './runs-port';
import type { KeyValueTable } from './settings';

const KEY = 'quit.pausedRuns';
const POLL_MS = 100;

export class PausedAtQuit {
  constructor(private readonly table: KeyValueTable, private readonly runs: RunsPort) {}

  /** Pauses every run this lab trains; resolves with the ids that reached 'paused' within timeoutMs. */
  async pauseRunning(timeoutMs: number): Promise<string[]> {
    if (!this.runs.available) return [];
    // Only this lab's runs: a run another process trains (a CLI `train`, another app) is not ours to stop.
    const running = (await this.runs.list()).filter((r) => r.status === 'running' && (this.runs.trainsHere?.(r.id) ?? true)).map((r) => r.id);
    for (const id of running) {
      try { await this.runs.pause(id); } catch { /* it finished meanwhile */ }
    }
    const deadline = Date.now() + timeoutMs;
    let paused: string[] = [];
    while (running.length) {
      const now = new Map((await this.runs.list()).map((r) => [r.id, r.status]));
      paused = running.filter((id) => now.get(id) === 'paused');
      const waiting = running.filter((id) => now.get(id) === 'running');
      if (!waiting.length || Date.now() > deadline) break;
      await new Promise((r) => setTimeout(r, POLL_MS));
    }
    const before = this.table.get<string[]>(KEY, []);
    this.table.set(KEY, [...new Set([...before, ...paused])]);
    return paused;
  }

  /** The runs paused at the last quit that are still paused; `clear` forgets the list (resumed or declined). */
  async take(clear: boolean): Promise<{ runIds: string[] }> {
    const ids = this.table.get<string[]>(KEY, []);
    const still = ids.length && this.runs.available ? new Set((await this.runs.list()).filter((r) => r.status === 'paused').map((r) => r.id)) : new Set<string>();
    const runIds = ids.filter((id) => still.has(id));
    if (clear || runIds.length !== ids.length) this.table.set(KEY, clear ? [] : runIds);
    return { runIds };
  }
}
