// A router temperature schedule longer than the run it is in: τ stops far from its end value and nothing
// said so unless the run had max-steps (the only length known before the data is read). The trainer knows
// the run's length (epochs × steps per epoch, or max-steps), so it says it in the run's data line, which
// `gatelab train` prints, `gatelab show` and the app's run view keep (workers/run/train-run.ts).
import { TemperatureSchedule } from '../gates/routers';
import { parseModelConfig } from '../models/index';

/** How long the run trains, as the trainer computes it (workers/run/train-run.ts totalSteps). */
export interface RunLength {
  totalSteps: number;
  epochs: number;
  stepsPerEpoch: number;
  maxSteps?: number;
}

const fmt = (n: number) => n.toLocaleString('en-US');

/**
 * One clause per softmax-router slot of `model` whose dense-to-sparse schedule is longer than the run:
 * "router.schedule.steps is 10,000 but this run trains at most 96 steps (3 epochs × 32 steps): τ falls only
 * from 2 to about 1.89, not to 0.3; --set router.schedule.steps=96 anneals it within the run".
 * τ at the run's last step N is from·(to/from)^(N/steps) (engine/gates/routers.ts temperature).
 */
export function temperatureScheduleNotes(model: unknown, run: RunLength): string[] {
  if (!model || typeof model !== 'object' || run.totalSteps < 1) return [];
  const notes: string[] = [];
  for (const [slot, gate] of Object.entries(withDefaults(model))) {
    if (!gate || typeof gate !== 'object' || (gate as { kind?: unknown }).kind !== 'softmax-router') continue;
    const parsed = TemperatureSchedule.safeParse((gate as { schedule?: unknown }).schedule ?? { kind: 'constant' });
    if (!parsed.success || parsed.data.kind === 'constant' || parsed.data.steps <= run.totalSteps) continue;
    const s = parsed.data;
    const reached = Number((s.from * (s.to / s.from) ** (run.totalSteps / s.steps)).toPrecision(3));
    const capped = run.maxSteps !== undefined && run.maxSteps <= run.epochs * run.stepsPerEpoch;
    const why = capped ? 'max-steps' : `${fmt(run.epochs)} epoch${run.epochs === 1 ? '' : 's'} × ${fmt(run.stepsPerEpoch)} steps`;
    notes.push(
      `${slot}.schedule.steps is ${fmt(s.steps)} but this run trains at most ${fmt(run.totalSteps)} steps (${why}): ` +
        `τ falls only from ${s.from} to about ${reached}, not to ${s.to}; --set ${slot}.schedule.steps=${run.totalSteps} anneals it within the run`,
    );
  }
  return notes;
}

/**
 * The model config with its template's defaults: a run stores what the user set (`--set
 * router.schedule.kind=dense-to-sparse` leaves out the router's kind and the schedule's steps). A config the
 * templates do not read (the demo model) is taken as it is.
 */
function withDefaults(model: object): Record<string, unknown> {
  try {
    return parseModelConfig(model) as Record<string, unknown>;
  } catch {
    return model as Record<string, unknown>;
  }
}

/** The data line with the schedule notes after it (`; ` as the line's other notes). */
export function withTemperatureScheduleNotes(line: string, model: unknown, run: RunLength): string {
  const notes = temperatureScheduleNotes(model, run);
  return notes.length ? `${line}; ${notes.join('; ')}` : line;
}
