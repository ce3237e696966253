// Checks of a new `gatelab train` request on a softmax router's temperature schedule. They run on what the
// user asked (the config before defaults), not in the gate's schema: a stored config with both a
// temperature and a schedule must keep reading and training as before (the schedule wins, as it always did).
// A schedule longer than the run is not refused: the trainer, which knows the run's length, says so in the
// run's data line (common/runs/temperature-schedule-length.ts), which `gatelab train` prints.
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
