// CLI runs were all named "<template> on <dataset>", so two runs that differ only in their --set options
// read the same in `gatelab runs` and the app's run list. Their automatic name now says the --set changes
// as the app says a child run's ("gmu on jobs · modalityDropout=0.3"), briefly; a name in the config wins,
// and the runs table cuts the part before the changes rather than the changes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { gatelab } from '../../cli/testing/gatelab';
import { labHomeWithClickFile, trainTwoSteps } from '../../cli/testing/click-file';
import { setChangeWords } from './set-change-words';
import { defaultRunName } from './cli-datasets';
import { clipName, NAME_WIDTH } from './run-report';

describe('the --set words of a run name', () => {
  it('key=value joined by " · ", a dotted key by its last part unless two share it, the last value of a key twice', () => {
    expect(defaultRunName('gmu', 'jobs', [['modalityDropout', '0.3']])).toBe('gmu on jobs · modalityDropout=0.3');
    expect(defaultRunName('gmu', 'jobs')).toBe('gmu on jobs');
    expect(setChangeWords([['model.gate.kind', 'hard'], ['lr', '1e-3'], ['lr', '3e-4']])).toBe('kind=hard · lr=3e-4');
    expect(setChangeWords([['model.gate1.enabled', 'false'], ['model.gate2.enabled', 'false']])).toBe('model.gate1.enabled=false · model.gate2.enabled=false');
  });

  it('is brief: at most 3, then "+N more"; a long value cut; the seed and the dataset left out', () => {
    expect(setChangeWords([['a', '1'], ['b', '2'], ['c', '3'], ['d', '4'], ['e', '5']])).toBe('a=1 · b=2 · c=3 · +2 more');
    expect(setChangeWords([['fields', '[1,2,3,4,5,6,7,8,9,10,11,12,13,14]']])).toBe('fields=[1,2,3,4,5,6,7,8,9,10,1…');
    expect(setChangeWords([['seed', '3'], ['data.datasetId', '2']])).toBe('');
  });

  it('the runs table keeps the changes and cuts the part before them', () => {
    expect(clipName('gmu on Demo: sensor + camera (fusion) · modalityDropout=0.3')).toBe('gmu on Demo… · modalityDropout=0.3');
    expect(clipName('tsmixer-gated on transformer_loads_with_weather')).toHaveLength(NAME_WIDTH);
    expect(clipName('lr on shop · lr=0.1')).toBe('lr on shop · lr=0.1');
  });
});

describe('gatelab train --set: the run name', () => {
  let home: string, file: string;
  beforeAll(async () => ({ home, file } = await labHomeWithClickFile('gatelab-run-name-sets-')));
  afterAll(() => rmSync(home, { recursive: true, force: true }));

  it('tells runs that differ only in --set apart, in runs --json and the table; a config name wins', async () => {
    for (const words of [['--set', 'lr=0.1'], ['--set', 'lr=0.01'], ['--set', 'name=my baseline']]) {
      const r = await trainTwoSteps(home, file, ...words);
      expect(r.code, r.err).toBe(0);
    }
    const runs = JSON.parse((await gatelab(['runs', '--json', '--home', home])).out) as Array<{ name: string }>;
    expect(runs.map((r) => r.name)).toEqual(['lr on shop · max-steps=2 · lr=0.1', 'lr on shop · max-steps=2 · lr=0.01', 'my baseline']);
    const table = (await gatelab(['runs', '--home', home])).out;
    expect(table).toContain('lr on shop · max-steps=2 · lr=0.1 ');
    expect(table).toContain('lr on shop · max-steps=2 · lr=0.01 ');
  }, 90_000);
});
