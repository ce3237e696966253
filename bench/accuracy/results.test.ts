// The accuracy table's speed section: which flagship meets "trained to its result in ≤ 5 minutes".
import { describe, expect, it } from 'vitest';
import type { Case } from './cases';
import { renderTable, type SeedRecord } from './results';

const data = async () => { throw new Error('not loaded in this test'); };
const flagship = (name: string): Case => ({ group: 'MovieLens-100k', name, model: {}, run: {}, data, metric: 'auc', flagship: true });
const record = (seed: number, seconds: number, cpu?: number, toBest?: number): SeedRecord => ({
  seed, seconds, test: { auc: 0.78, logloss: 0.55 }, validation: {}, epochs: 6, steps: 1000, params: 10, reason: 'early-stopping', extra: {},
  commit: 'abc1234', date: '2026-11-29T00:00:00Z', load: [1, 2], ...(cpu === undefined ? {} : { cpuSeconds: cpu, cpuSecondsToBest: toBest }),
});

describe('accuracy table: flagship times', () => {
  const cases = [flagship('fast'), flagship('slow, kept early'), flagship('old record'), flagship('not run')];
  const saved: Record<string, SeedRecord[]> = {
    fast: [record(1, 700, 200, 150), record(2, 650, 220, 160)],
    'slow, kept early': [record(1, 900, 400, 280)],
    'old record': [record(1, 250)],
  };
  const table = renderTable(cases, { machine: 'test', seeds: 1, minutes: 0 }, (c) => saved[c.name] ?? []);
  const row = (name: string) => table.split('\n').find((l) => l.startsWith(`| MovieLens-100k | ${name} |`));

  it('judges by CPU time when recorded (a loaded machine\'s wall time does not fail it)', () => {
    expect(row('fast')).toBe('| MovieLens-100k | fast | 675 s | 210 s | 155 s | 1.0–2.0 | yes (CPU) |');
  });

  it('says when only the kept epoch came within 5 minutes', () => {
    expect(row('slow, kept early')).toContain('| no (CPU); the kept epoch within 5 min |');
  });

  it('judges a run on 2 threads by its wall time', () => {
    const two: Case = { ...flagship('two threads'), run: { threads: 2 } };
    const t = renderTable([two], { machine: 'test', seeds: 1, minutes: 0 }, () => [record(1, 280, 520, 400)]);
    expect(t).toContain('| MovieLens-100k | two threads | 280 s | 520 s | 400 s | 1.0–2.0 | yes (wall, 2 threads) |');
  });

  it('falls back to wall time for records without CPU time, and says so', () => {
    expect(row('old record')).toContain('| 250 s |  |  | 1.0–2.0 | yes (wall; no CPU time recorded) |');
    expect(table).not.toContain('| not run |');
  });

  it('shows CPU time per seed in the results table, blank for old records', () => {
    expect(table).toContain('| fast | 0.7800 ± 0.0000 | 0.5500 ± 0.0000 | 2 | 10 | 6.0 | 675 s | 210 s |');
    expect(table).toContain('| old record | 0.7800 | 0.5500 | 1 | 10 | 6.0 | 250 s |  |');
  });
});
