// Lab settings, kept in the store's settings table under one key and validated on the way in and out
// (a value written by an older or newer GateLab that no longer fits falls back to the defaults).
import { Settings } from '../../../common/lab-api';
import { cores } from './system';

/** The part of the store's SettingsTable this needs. */
export interface KeyValueTable {
  get<T>(key: string, fallback: T): T;
  set(key: string, value: unknown): void;
}

const KEY = 'lab';

export function defaultSettings(): Settings {
  return { executionProvider: 'auto', threads: 1, concurrentRuns: Math.max(1, cores()), theme: 'system' };
}

export class LabSettings {
  constructor(private readonly table: KeyValueTable) {}

  read(): Settings {
    const stored = this.table.get<Record<string, unknown>>(KEY, {});
    const r = Settings.safeParse({ ...defaultSettings(), ...stored });
    return r.success ? r.data : defaultSettings();
  }

  write(patch: Partial<Settings>): Settings {
    const next = Settings.parse({ ...this.read(), ...patch });
    this.table.set(KEY, next);
    return next;
  }
}

/** Settings in memory only, for a lab without a store (tests that inject a DatasetsPort). */
export function memoryTable(): KeyValueTable {
  const m = new Map<string, unknown>();
  return { get: <T>(k: string, f: T) => (m.has(k) ? (m.get(k) as T) : f), set: (k, v) => void m.set(k, v) };
}
