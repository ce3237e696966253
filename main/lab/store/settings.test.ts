// A damaged settings row (not valid JSON) reads as the defaults, is reported once, and is overwritten by
// the next save: it must not lock the user out of the settings or of training. Real SQLite file.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import Database from 'better-sqlite3';
import { openLabStore } from './index';
import { SettingsTable } from './settings';
import { LabSettings } from '../lab/settings';

let dir: string;
beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'gatelab-settings-')); });
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('settings with a damaged value', () => {
  it('reads the defaults, warns once with the bad text, and the next set overwrites it', () => {
    const path = join(dir, 'gatelab.sqlite');
    openLabStore(path).close();
    const raw = new Database(path);
    raw.prepare(`INSERT INTO settings (key, value) VALUES ('lab', '{"concurrentRuns": 2,,')`).run();
    raw.prepare(`INSERT INTO settings (key, value) VALUES ('other', '[1, 2]')`).run();
    raw.close();
    const store = openLabStore(path);
    try {
      const lines: string[] = [];
      const table = new SettingsTable(store.db, (l) => lines.push(l));
      expect(table.get('lab', { fallback: true })).toEqual({ fallback: true });
      expect(table.get('lab', { fallback: true })).toEqual({ fallback: true });
      expect(table.all()).toEqual({ lab: null, other: [1, 2] });
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^warning: the setting 'lab' in the lab database is damaged \(.*JSON.*\); using its defaults until it is saved again\. Its text was: \{"concurrentRuns": 2,,$/);
      expect(table.damaged()).toEqual({ lab: '{"concurrentRuns": 2,,' });
      // The lab's settings (what settings.get / runs.start read) come back as the defaults, and saving works.
      const lab = new LabSettings(table);
      const defaults = lab.read();
      expect(defaults).toEqual(new LabSettings({ get: (_k, f) => f, set: () => {} }).read());
      lab.write({ ...defaults });
      expect(table.damaged()).toEqual({});
      expect(typeof table.get('lab', null)).toBe('object');
      expect(lines).toHaveLength(1);
    } finally {
      store.close();
    }
  });
});
