// Key/value settings; values are any JSON.
import type Database from 'better-sqlite3';
import { parseJson, toJson } from './json';

export class SettingsTable {
  constructor(private readonly db: Database.Database) {}

  get<T>(key: string, fallback: T): T {
    const row = this.db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined;
    return row ? parseJson<T>(row.value, fallback, `setting '${key}'`) : fallback;
  }

  set(key: string, value: unknown): void {
    this.db
      .prepare(
        `INSERT INTO settings (key, value) VALUES (?, ?)
         ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`,
      )
      .run(key, toJson(value));
  }

  all(): Record<string, unknown> {
    const rows = this.db.prepare('SELECT key, value FROM settings ORDER BY key').all() as Array<{ key: string; value: string }>;
    return Object.fromEntries(rows.map((r) => [r.key, parseJson(r.value, null, `setting '${r.key}'`)]));
  }
}
