// Which Training settings differ from the defaults, in a few words ("lr 1e12 · epochs 3"). The Training
// settings stay as they are when the user picks another template (so a tuned batch size carries over),
// which once carried a learning rate of 1e12 set for one run silently into the next template's runs: the
// folded Training header says what is not the default, with a Reset.
import { fieldLabel } from '../lib/field-labels';
import { TrainingSettings } from './run-form';

/** Short names the folded header already uses ("epochs 20 · batch 128 · lr 0.003"). */
const SHORT: Record<string, string> = { lr: 'lr', batchSize: 'batch', epochs: 'epochs', maxSteps: 'max steps', weightDecay: 'weight decay' };

export interface TrainingChange {
  /** Dotted path in the Training settings, e.g. "optimizer.lr". */
  path: string;
  /** "lr 1e12", "optimizer sgd", "early stopping off". */
  text: string;
}

/** A number as a person writes it: 1e12, 0.003, 1e-5, 128. */
export function shortNumber(v: number): string {
  if (v !== 0 && (Math.abs(v) >= 1e6 || Math.abs(v) < 1e-3)) return v.toExponential().replace('e+', 'e').replace(/\.?0+e/, 'e');
  return String(v);
}

const words = (v: unknown): string => {
  if (typeof v === 'number') return shortNumber(v);
  if (typeof v === 'boolean') return v ? 'on' : 'off';
  if (v === undefined || v === null) return 'off';
  if (Array.isArray(v)) return v.map(words).join(', ');
  return String(v);
};

const nameOf = (key: string) => SHORT[key] ?? fieldLabel(key).toLowerCase();

/**
 * The settings in `training` that differ from TrainingSettings' defaults, leaf by leaf (a group the user
 * turned on or off, like early stopping, is one change; a changed kind is named after its group).
 */
export function trainingChanges(training: Record<string, unknown>, defaults: Record<string, unknown> = TrainingSettings.parse({}) as Record<string, unknown>): TrainingChange[] {
  const out: TrainingChange[] = [];
  const walk = (now: unknown, then: unknown, path: string[]) => {
    const key = path.at(-1)!;
    const isObj = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
    if (isObj(now) && isObj(then)) {
      for (const k of new Set([...Object.keys(now), ...Object.keys(then)])) walk(now[k], then[k], [...path, k]);
      return;
    }
    if (isObj(now) !== isObj(then)) return void out.push({ path: path.join('.'), text: `${nameOf(key)} ${isObj(now) ? 'on' : 'off'}` });
    // a changed kind is named after its group: "optimizer sgd", "schedule cosine"
    const name = key === 'kind' && path.length > 1 ? nameOf(path[path.length - 2]) : nameOf(key);
    if (JSON.stringify(now) !== JSON.stringify(then)) out.push({ path: path.join('.'), text: `${name} ${words(now)}` });
  };
  for (const k of new Set([...Object.keys(training), ...Object.keys(defaults)])) walk(training[k], defaults[k], [k]);
  return out;
}
