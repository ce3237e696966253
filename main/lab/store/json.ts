// JSON columns: parse defensively so one bad row shows up as a clear error, not a crash elsewhere.
export function parseJson<T>(text: string | null | undefined, fallback: T, where: string): T {
  if (text == null || text === '') return fallback;
  try {
    return JSON.parse(text) as T;
  } catch (e) {
    throw new Error(`Corrupt JSON in ${where}: ${(e as Error).message}`);
  }
}

export const toJson = (value: unknown): string => JSON.stringify(value ?? null);
