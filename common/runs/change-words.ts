// How a run's name says what sets it apart, in one rule for every face: the app's "New run from this" child
// (renderer/lib/run-label.ts changedWords: "tsmixer-gated on loads · granularity=element"), a CLI run's
// `--set` options (main/lab/runs/set-change-words.ts: "gmu on jobs · modalityDropout=0.3") and the points
// of a sweep (expand.ts: "dlinear on grid load · lr=0.01 · lookback=192"). Runs named by different faces
// then read alike side by side in `gatelab runs` and the app's run list.

/** Longest value said in full; a longer one (a list, a path) is cut with '…': the name must stay a name. */
export const VALUE_CHARS = 24;

/** How many changes a name says before "+N more": a name is read at a glance, the config holds the rest. */
export const MAX_WORDS = 3;

export interface ChangeWordOptions {
  /** At most this many words, then "+N more". */
  max?: number;
  /**
   * A dotted key → the form's label ("Gate granularity"): each change reads "Gate granularity = element",
   * value uncut (Compare's settings column, where the form's words matter more than a name's brevity).
   */
  label?: (key: string) => string;
}

/**
 * `key=value` words joined by ' · ' ("kind=hard · lr=3e-4"), "" for no change: a dotted key by its last part
 * unless two changes share that part (then in full), a key given twice by its last value at its first place,
 * a long value cut, at most `max` words then "+N more". Which keys count (the seed, the dataset) is the caller's.
 */
export function changeWords(changes: ReadonlyArray<readonly [key: string, value: string]>, o: ChangeWordOptions = {}): string {
  const max = o.max ?? MAX_WORDS;
  const last = new Map<string, string>();
  for (const [key, value] of changes) last.set(key, value);
  const keys = [...last.keys()];
  const tail = (key: string) => key.split('.').at(-1)!;
  const shared = (key: string) => keys.filter((k) => tail(k) === tail(key)).length > 1;
  const cut = (value: string) => (value.length > VALUE_CHARS ? `${value.slice(0, VALUE_CHARS - 1)}…` : value);
  const words = keys.map((key) => (o.label ? `${o.label(key)} = ${last.get(key)!}` : `${shared(key) ? key : tail(key)}=${cut(last.get(key)!)}`));
  return words.length > max ? `${words.slice(0, max).join(' · ')} · +${words.length - max} more` : words.join(' · ');
}

/** A config value as a person writes it in a name: element, 0.003, true, [1,2] (strings lose their JSON quotes). */
export function valueWord(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
}
