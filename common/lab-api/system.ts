// Settings and what the machine offers (execution providers, with the reason one is unavailable).
import { z } from 'zod';

export const Settings = z.object({
  executionProvider: z.enum(['auto', 'cpu', 'cuda']),
  threads: z.number().int().min(1).max(256),
  concurrentRuns: z.number().int().min(1).max(64),
  theme: z.enum(['system', 'light', 'dark']),
});
export type Settings = z.infer<typeof Settings>;

export const SettingsPatch = Settings.partial();

export const ExecutionProviderInfo = z.object({
  name: z.enum(['cpu', 'cuda']),
  available: z.boolean(),
  reason: z.string(),
});

export const SystemInfo = z.object({
  version: z.string(),
  face: z.enum(['electron', 'serve', 'test']),
  platform: z.string(),
  cores: z.number().int(),
  home: z.string(),
  executionProviders: z.array(ExecutionProviderInfo),
  /** Lab parts not built yet (e.g. 'runs'), so the UI can say so instead of failing. */
  unavailable: z.array(z.string()),
  /** Set when the lab database failed its start-up check and is open read-only: what to do about it. */
  notice: z.string().nullable(),
  /** Settings whose stored text is damaged (not JSON): they read as their defaults until saved again. */
  damagedSettings: z.array(z.object({ key: z.string(), text: z.string(), what: z.string() })).optional(),
  /** Runs that resumed past a damaged checkpoint (skipped, an older valid one used): what was skipped. */
  skippedCheckpoints: z.array(z.object({ runId: z.string(), note: z.string() })).optional(),
});
export type SystemInfo = z.infer<typeof SystemInfo>;
