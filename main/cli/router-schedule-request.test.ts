import { describe, expect, it } from 'vitest';
import { parseArgs } from './args';
import { runConfigFromArgs } from './train';
import { refuseTemperatureUnderSchedule } from './router-schedule-request';
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
