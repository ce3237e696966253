// --json's `baseline.majority` is a display string ("'0'"); `majorityClass` is the class as the file writes
// it ("0"). The trainer sends both; a run stored before it sent `majorityClass` gets it from `majority`, so
// every run's `gatelab runs --json`, `show --json` and `train --json` line has it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { gatelab } from '../../cli/testing/gatelab';
import { labHomeWithClickFile, trainTwoSteps } from '../../cli/testing/click-file';
import { withMajorityClass } from './run-report';

describe('withMajorityClass', () => {
  it("unquotes an old run's majority as the trainer words it; keeps a stored majorityClass", () => {
    expect(withMajorityClass({ accuracy: 0.9, majority: "'0'" })).toEqual({ accuracy: 0.9, majority: "'0'", majorityClass: '0' });
    expect(withMajorityClass({ accuracy: 0.9, majority: "'it's fine'" })?.majorityClass).toBe("it's fine");
    expect(withMajorityClass({ accuracy: 0.6, majority: "'rating' < 4" })?.majorityClass).toBe('rating < 4');
    expect(withMajorityClass({ accuracy: 0.6, majority: "'x'", majorityClass: 'x' })).toEqual({ accuracy: 0.6, majority: "'x'", majorityClass: 'x' });
    expect(withMajorityClass(undefined)).toBeNull();
  });
});

describe('train --json: baseline.majorityClass', () => {
  let home: string, file: string;
  beforeAll(async () => ({ home, file } = await labHomeWithClickFile('gatelab-majority-class-')));
  afterAll(() => rmSync(home, { recursive: true, force: true }));

  it('has the class as the file writes it beside the quoted majority, in train and runs --json', async () => {
    const r = await trainTwoSteps(home, file, '--json'); // clicks in 1 row of 3: the majority class is 0
    expect(r.code, r.err).toBe(0);
    const result = JSON.parse(r.out.trim().split('\n').at(-1)!) as { baseline: Record<string, unknown> };
    expect(result.baseline).toMatchObject({ majority: "'0'", majorityClass: '0' });
    const [listed] = JSON.parse((await gatelab(['runs', '--json', '--home', home])).out) as Array<{ baseline: Record<string, unknown> }>;
    expect(listed.baseline).toMatchObject({ majority: "'0'", majorityClass: '0' });
    // stored as the trainer sent it (show --json's data is the stored summary), not only filled in when read
    const shown = JSON.parse((await gatelab(['show', '1', '--json', '--home', home])).out) as { data: { baseline: Record<string, unknown> } };
    expect(shown.data.baseline.majorityClass).toBe('0');
  }, 60_000);
});
