// system.info through Lab.dispatch against a real lab home (real SQLite file): a damaged setting and a run
// that resumed past a damaged checkpoint, once only printed, are in the answer for the app to show; saving
// the settings mends the damaged one.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Lab } from '../lab';
import { labPaths } from '../home';
import { openLabStore } from '../store/index';
import { recordResumeNote } from '../runs/resume-notes';
import type { SystemInfo } from '../../../common/lab-api';
import { settingInWords } from './system';

const ok = <T>(r: unknown): T => {
  if (!(r as { ok: boolean }).ok) throw new Error(JSON.stringify(r));
  return (r as { result: T }).result;
};

let home: string;
beforeEach(() => { home = mkdtempSync(join(tmpdir(), 'gatelab-system-info-')); });
afterEach(() => rmSync(home, { recursive: true, force: true }));

describe('system.info warnings', () => {
  it('a fresh lab has none', async () => {
    const lab = await Lab.open({ home, face: 'test' });
    try {
      const info = ok<SystemInfo>(await lab.dispatch('system.info', {}));
      expect(info.damagedSettings).toEqual([]);
      expect(info.skippedCheckpoints).toEqual([]);
    } finally {
      await lab.close();
    }
  });

  it('names a damaged setting and a run that resumed past a damaged checkpoint; saving the settings mends the first', async () => {
    const path = labPaths(home).database;
    const store = openLabStore(path);
    const runId = store.runs.create({ config: { model: { template: 'dnn' } } });
    store.db.prepare(`UPDATE runs SET status = 'completed' WHERE id = ?`).run(runId);
    recordResumeNote(store.settings, runId, 'checkpoint A is damaged: its checksum is wrong; resuming from the previous valid checkpoint B (step 64)');
    recordResumeNote(store.settings, runId + 50, 'a run deleted since');
    store.close();
    const raw = new Database(path);
    raw.prepare(`INSERT OR REPLACE INTO settings (key, value) VALUES ('lab', '{"threads": 2,,')`).run();
    raw.close();

    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (line: string) => void warnings.push(line);
    const lab = await Lab.open({ home, face: 'test' });
    try {
      const info = ok<SystemInfo>(await lab.dispatch('system.info', {}));
      expect(info.damagedSettings).toEqual([{ key: 'lab', text: '{"threads": 2,,', what: 'Settings (execution provider, threads, concurrent runs, theme)' }]);
      expect(info.skippedCheckpoints).toEqual([{ runId: String(runId), note: 'checkpoint A is damaged: its checksum is wrong; resuming from the previous valid checkpoint B (step 64)' }]);
      // the damaged settings read as the defaults; saving them writes good JSON and the warning goes
      const settings = ok<{ threads: number }>(await lab.dispatch('settings.get', {}));
      expect(settings.threads).toBe(1);
      ok(await lab.dispatch('settings.set', { threads: 2 }));
      const after = ok<SystemInfo>(await lab.dispatch('system.info', {}));
      expect(after.damagedSettings).toEqual([]);
      expect(after.skippedCheckpoints).toHaveLength(1);
    } finally {
      console.warn = warn;
      await lab.close();
    }
    expect(warnings.filter((l) => /setting 'lab' in the lab database is damaged/.test(l))).toHaveLength(1);
  });

  it('says what a settings key holds in the user’s words', () => {
    expect(settingInWords('dataset.12.label')).toBe('the label rule of dataset 12');
    expect(settingInWords('quit.pausedRuns')).toMatch(/paused at the last quit/);
    expect(settingInWords('mystery')).toBe("the setting 'mystery'");
  });
});
