// `--set split=ett` where it cannot mean anything is refused before a run is queued, naming the splits that
// apply as flags: on a CTR or fusion template (from the config alone), on a forecasting dataset with no time.
import { describe, expect, it } from 'vitest';
import { refuseEttForTemplate, refuseEttWithoutTime } from './ett-split-check';
import { parseNewRunConfig } from '../../../common/runs/new-run-config';

const run = (template: string, data: Record<string, unknown> = { split: 'ett' }) => parseNewRunConfig({ model: { template }, data: { kind: 'dataset', datasetId: 1, ...data } });

describe('the ETT split by name', () => {
  it('on a recommendation or fusion template: refused with the splits that apply and the family default', () => {
    expect(() => refuseEttForTemplate(run('deepfm'))).toThrow("run config: data.split 'ett' is the ETT forecasting protocol (12 / 4 / 4 months of 30 days of an hourly or 15-minute series), " +
      'and template deepfm is a recommendation (CTR) model, whose rows are samples, not steps of a series. Use --set split=random (seeded 80/10/10) or ' +
      '--set split=chronological (70/10/20; rows ordered by the column with role time when there is one), or leave split out for the default (random 80/10/10)');
    expect(() => refuseEttForTemplate(run('gmu'))).toThrow(/template gmu is a fusion model, .*leave split out for the default \(stratified 80\/10\/10 by the target\)$/);
  });

  it('a forecasting template, another split, or a stored split (it wins over the name): not refused here', () => {
    expect(() => refuseEttForTemplate(run('dlinear'))).not.toThrow();
    expect(() => refuseEttForTemplate(run('deepfm', { split: 'random' }))).not.toThrow();
    expect(() => refuseEttForTemplate(run('deepfm', { split: 'ett', splitId: 3 }))).not.toThrow();
  });

  it('on a forecasting dataset with no time column: refused, with --set split=chronological and the stored-split way to give a rate', () => {
    const numbers = [{ name: 'load', type: 'float', role: 'feature' }, { name: 'temp', type: 'float', role: 'feature' }];
    expect(() => refuseEttWithoutTime(run('dlinear'), numbers, { id: 4, name: 'loads' })).toThrow("run config: data.split 'ett' counts its 12 / 4 / 4 months of 30 days from the time column's step, " +
      "and dataset 'loads' has no time column (no date or time column, none with the role time). Use --set split=chronological (70/10/20 by row order), or leave split out " +
      'for the default (chronological); to cut ETT months at a rate you know, store the split (gatelab datasets split loads --kind ett --rows-per-hour R) and train with --set data.splitId=SPLIT');
    // a name that is not one shell word: the id in the command
    expect(() => refuseEttWithoutTime(run('dlinear'), numbers, { id: 4, name: 'my loads' })).toThrow(/gatelab datasets split 4 --kind ett/);
    expect(() => refuseEttWithoutTime(run('dlinear'), [{ name: 'date', type: 'datetime', role: 'time' }, ...numbers], { id: 4, name: 'loads' })).not.toThrow();
  });
});
