import { describe, expect, it } from 'vitest';
import { parseArgs } from './args';
import { runConfigFromArgs } from './train';
import { refuseTemperatureUnderSchedule, scheduleLongerThanRun } from './router-schedule-request';
import { parseRunConfig } from '../../common/runs/config';

const asked = (...sets: string[]) => runConfigFromArgs(parseArgs(['--template', 'moe-forecaster', ...sets.flatMap((s) => ['--set', s])]));

describe('a router temperature asked for under a schedule', () => {
  it('is refused, naming both fields and the one to set instead', () => {
    const config = asked('router.temperature=0.05', 'router.schedule.kind=dense-to-sparse');
    expect(() => refuseTemperatureUnderSchedule(config)).toThrow(
      /router\.temperature and router\.schedule\.kind=dense-to-sparse were both set.*--set router\.schedule\.from=0\.05/,
    );
  });

  it('is accepted alone, and a schedule alone is accepted', () => {
    expect(() => refuseTemperatureUnderSchedule(asked('router.temperature=0.05'))).not.toThrow();
    expect(() => refuseTemperatureUnderSchedule(asked('router.schedule.kind=dense-to-sparse', 'router.schedule.from=0.5'))).not.toThrow();
  });

  it('still reads from a stored config that has both (old runs keep training as before)', () => {
    const stored = { model: { template: 'moe-forecaster', router: { kind: 'softmax-router', temperature: 0.05, schedule: { kind: 'dense-to-sparse' } } } };
    expect(() => parseRunConfig(stored)).not.toThrow();
  });
});

describe('a schedule longer than the run', () => {
  it('warns with the run’s total steps and where τ stops', () => {
    const [line] = scheduleLongerThanRun(asked('router.schedule.kind=dense-to-sparse', 'max-steps=30'));
    expect(line).toContain('router.schedule.steps is 10,000 but this run trains at most 30 steps');
    // τ = 2·(0.3/2)^(30/10000)
    expect(line).toContain(`to about ${Number((2 * 0.15 ** 0.003).toPrecision(3))}, not to 0.3`);
  });

  it('says nothing when the schedule fits', () => {
    expect(scheduleLongerThanRun(asked('router.schedule.kind=dense-to-sparse', 'router.schedule.steps=20', 'max-steps=30'))).toEqual([]);
  });
});
