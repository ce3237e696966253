// Checks of a new `gatelab train` request on a softmax router's temperature schedule. They run on what the
// user asked (the config before defaults), not in the gate's schema: a stored config with both a
// temperature and a schedule must keep reading and training as before (the schedule wins, as it always did).
import { TemperatureSchedule } from '../../common/gates/routers';
import { Refusal } from '../lab/runs/refusal';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

/** The model's router slots the request gives a non-constant schedule: [slot name, its asked fields]. */
function scheduledRouters(config: Obj): Array<[string, Obj]> {
  const model = isObj(config.model) ? config.model : {};
  return Object.entries(model).filter((e): e is [string, Obj] => {
    const [, v] = e;
    if (!isObj(v) || (v.kind !== undefined && v.kind !== 'softmax-router')) return false;
    return isObj(v.schedule) && v.schedule.kind !== undefined && v.schedule.kind !== 'constant';
  });
}

/**
 * Refuses a temperature asked for together with a schedule: the schedule sets τ (from `schedule.from` to
 * `schedule.to`), so `--set router.temperature=0.05` trained at τ ≈ 2 and said nothing.
 */
export function refuseTemperatureUnderSchedule(config: Obj): void {
  for (const [slot, router] of scheduledRouters(config)) {
    if (router.temperature === undefined) continue;
    const kind = String((router.schedule as Obj).kind);
    throw new Refusal(
      `${slot}.temperature and ${slot}.schedule.kind=${kind} were both set, but under a schedule the temperature is the schedule's ` +
        `(τ falls from ${slot}.schedule.from to ${slot}.schedule.to), so ${slot}.temperature would be ignored: ` +
        `drop --set ${slot}.temperature=${String(router.temperature)} and set the starting temperature with --set ${slot}.schedule.from=${String(router.temperature)} ` +
        `(or keep the constant schedule to train at a fixed temperature)`,
    );
  }
}

/**
 * A line to print before training when a schedule is longer than the run (max-steps): τ would stop far from
 * its end value. The default (10,000 steps) is kept for earlier runs' sake; this says so instead.
 */
export function scheduleLongerThanRun(config: Obj): string[] {
  const total = typeof config.maxSteps === 'number' ? config.maxSteps : undefined;
  if (total === undefined) return [];
  const lines: string[] = [];
  for (const [slot, router] of scheduledRouters(config)) {
    const parsed = TemperatureSchedule.safeParse(router.schedule);
    if (!parsed.success || parsed.data.kind === 'constant' || parsed.data.steps <= total) continue;
    const s = parsed.data;
    const reached = s.from * (s.to / s.from) ** (total / s.steps);
    lines.push(
      `warning: ${slot}.schedule.steps is ${s.steps.toLocaleString('en-US')} but this run trains at most ${total.toLocaleString('en-US')} steps (max-steps): ` +
        `τ will fall only from ${s.from} to about ${Number(reached.toPrecision(3))}, not to ${s.to}; --set ${slot}.schedule.steps=${total} anneals it within the run`,
    );
  }
  return lines;
}
