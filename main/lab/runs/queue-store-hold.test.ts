// A database that refuses every metrics write (disk full) holds the queue: a run started then would be
// stopped at once (trainer-link.ts), so queued runs wait, and start by themselves once a write succeeds.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openTestLab } from './testing/lab-fixture';
import { GIVE_UP_MS } from './metrics-writer';
import type { TrainerExit, TrainerLauncher } from './trainer-process';
import type { QueueHold } from './events';

/** Trainers that start and wait (no messages): only whether the lab started one matters here. */
function idleTrainers(): { launcher: TrainerLauncher; started: string[] } {
  const started: string[] = [];
  const launcher: TrainerLauncher = (label) => {
    started.push(label);
    const exits: Array<(e: TrainerExit) => void> = [];
    return {
      pid: undefined,
      send: () => {},
      onMessage: () => {},
      onExit: (l) => { exits.push(l); },
      kill: () => { for (const l of exits) l({ code: null, signal: 'SIGKILL', stderrTail: '' }); },
    };
  };
  return { launcher, started };
}

afterEach(() => { vi.useRealTimers(); });

describe('the queue while the database refuses metrics writes', () => {
  it('starts no run until a write succeeds, then starts the queued run without being asked', async () => {
    vi.useFakeTimers();
    const trainers = idleTrainers();
    const l = openTestLab({ launcher: trainers.launcher });
    try {
      // points of some run the store refuses, as on a full disk
      const other = l.store.runs.create({ config: {} });
      const append = l.store.metrics.append.bind(l.store.metrics);
      let full = true;
      l.store.metrics.append = (id, points) => {
        if (full) throw Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
        append(id, points);
      };
      const holds: Array<QueueHold | null> = [];
      l.manager.onQueueHold((h) => holds.push(h));
      l.manager.metrics.add(other, [{ step: 1, name: 'loss', value: 0.5 }]);
      vi.advanceTimersByTime(100 + GIVE_UP_MS + 1000);
      expect(l.manager.metrics.gaveUp).toBe(true);
      expect(holds).toEqual([]); // nothing waits yet

      const id = l.manager.create({ data: { kind: 'synthetic', samples: 256 }, batchSize: 64, epochs: 1 });
      // the user learns why the run stays queued: the cause and the fix, in the words of a stopped run's note
      const note = `Queued runs wait: the lab could not write to its database ${l.paths.database} (database or disk is full). Free disk space on the drive that holds it; they start by themselves once the database takes writes again`;
      expect(holds).toEqual([expect.objectContaining({ note, fix: 'Free disk space on the drive that holds it' })]);
      expect(l.manager.queueHold?.note).toBe(note);
      vi.advanceTimersByTime(3000); // retries keep failing; the control poll runs a dozen times
      expect(l.store.runs.get(id)!.status).toBe('queued');
      expect(trainers.started).toEqual([]);
      // said again about every 2 s (a window opened meanwhile shows it), never cleared while it lasts
      expect(holds.length).toBeGreaterThanOrEqual(2);
      expect(holds.every((h) => h?.note === note)).toBe(true);
      const during = holds.length;

      full = false;
      vi.advanceTimersByTime(1000 + 250); // the writer's next retry succeeds; the next control poll starts the queue
      expect(l.manager.metrics.gaveUp).toBe(false);
      expect(Array.from(l.store.metrics.series(other, 'loss').steps)).toEqual([1]);
      expect(l.store.runs.get(id)!.status).toBe('running');
      expect(trainers.started).toHaveLength(1);
      expect(l.manager.isLive(id)).toBe(true);
      // its end, once
      expect(holds.slice(during)).toEqual([null]);
      expect(l.manager.queueHold).toBeNull();
      vi.advanceTimersByTime(3000);
      expect(holds.slice(during)).toEqual([null]);
    } finally {
      vi.useRealTimers();
      await l.close();
    }
  });
});
