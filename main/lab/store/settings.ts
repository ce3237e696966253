// Key/value settings; values are any JSON. A value that is not valid JSON (a damaged row, a hand edit)
// must not lock the user out of the settings or of training: it reads as the default for its key, the
// bad text is logged once and kept in memory (damaged()), and the next `set` of the key overwrites it.
import type Database from 'better-sqlite3';
import { toJson } from './json';

export class SettingsTable {
  private readonly bad = new Map<string, string>();

  constructor(private readonly db: Database.Database, private readonly warn: (line: string) => void = console.warn) {}

  get<T>(key: string, fallback: T): T {
    const row = this.db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined;
    return row ? this.parse(key, row.value, fallback) : fallback;
  }

  set(key: string, value: unknown): void {
    this.db
      .prepare(
        `INSERT INTO settings (key, value) VALUES (?, ?)
         ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`,
      )
      .run(key, toJson(value));
    this.bad.delete(key);
  }

  all(): Record<string, unknown> {
    const rows = this.db.prepare('SELECT key, value FROM settings ORDER BY key').all() as Array<{ key: string; value: string }>;
    return Object.fromEntries(rows.map((r) => [r.key, this.parse(r.key, r.value, null)]));
  }

  /** Settings whose stored text is not valid JSON (read as their defaults), with that text. */
  damaged(): Record<string, string> {
    return Object.fromEntries(this.bad);
  }

  private parse<T>(key: string, text: string, fallback: T): T {
    if (text === '') return fallback;
    try {
      const value = JSON.parse(text) as T;
      this.bad.delete(key); // mended since (another process saved it): no longer damaged
      return value;
    } catch (e) {
      if (this.bad.get(key) !== text) {
        this.bad.set(key, text);
        const shown = text.length > 200 ? `${text.slice(0, 200)}…` : text;
        this.warn(`warning: the setting '${key}' in the lab database is damaged (${(e as Error).message}); using its defaults until it is saved again. Its text was: ${shown}`);
      }
      return fallback;
    }
  }
}
