// What a template needs beyond its family (MMoE: a rating behind the click) is judged by one rule, the
// lab's (common/models/template-needs.ts, which refuses such a run when it is created): the Models form
// keeps Start off by that same rule and only words the fix for the app (what to click, not --set), so the
// form and the lab can never disagree on which datasets MMoE trains on.
import { describe, expect, it, vi } from 'vitest';
import type { ColumnInfo, DatasetDetail } from '../../common/lab-api';
import * as needs from '../../common/models/template-needs';
import { appRuleHint, dataShapeOf } from './data-shape';

// a spy around the lab's own rule: the form must ask it, not a copy of it
vi.mock('../../common/models/template-needs', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../common/models/template-needs')>();
  return { ...real, templateDataProblem: vi.fn(real.templateDataProblem) };
});
const shared = vi.mocked(needs.templateDataProblem);

const col = (name: string, type: ColumnInfo['type'], role: ColumnInfo['role'], o: Partial<ColumnInfo> = {}): ColumnInfo => ({
  name, type, role, modality: null, missing: 0, distinct: 10, min: null, max: null, mean: null, std: null, histogram: null, ...o,
});
const ratings = (label?: DatasetDetail['label'], target = col('rating', 'int', 'target', { distinct: 5, min: 1, max: 5 })): DatasetDetail => ({
  id: '3', name: 'my ratings', rows: 1000, columns: 4, source: 'ratings.csv', family: null, createdAt: '2026-01-01T00:00:00Z', bytes: 1000, issues: [],
  columnInfo: [col('user', 'categorical', 'categorical'), col('item', 'categorical', 'categorical'), col('price', 'float', 'feature'), target],
  ...(label ? { label } : {}),
});
const clicks = ratings(undefined, col('clicked', 'int', 'target', { distinct: 2, min: 0, max: 1 }));

describe('the form judges what MMoE needs by the lab’s rule, in the app’s words', () => {
  it('a numeric rating without a rule: the lab’s message, with the app’s fix (Datasets → Target), not --set', () => {
    shared.mockClear();
    const problem = dataShapeOf('recsys', ratings(), 'mmoe').templateProblem;
    expect(shared).toHaveBeenCalledTimes(1);
    const [template, columns, dataset, hint] = shared.mock.calls[0];
    expect(template).toBe('mmoe');
    expect(columns).toMatchObject({ family: 'recsys', label: { column: 'rating' } });
    expect(dataset).toEqual({ name: 'my ratings', target: { type: 'int', distinct: 5, min: 1, max: 5 } });
    expect(hint).toBe(appRuleHint);
    expect(problem).toBe(shared.mock.results[0].value);
    expect(problem).toBe('mmoe predicts the click and the rating behind it: its target must be a numeric rating read as a click by a rule (MovieLens: rating ≥ 4). ' +
      'Give \'rating\' a rule in Datasets (Target: "binary label: value ≥ t", e.g. ≥ 4), or pick another template.');
    expect(problem).not.toMatch(/--set|gatelab /);
  });

  it('a 0/1 click: no rating to learn, whatever rule; with a rule on a rating, or another template: no problem', () => {
    expect(dataShapeOf('recsys', clicks, 'mmoe').templateProblem).toMatch(/^mmoe predicts .*my ratings's target 'clicked' is a click, with no rating to learn: pick another template/);
    expect(dataShapeOf('recsys', ratings({ positiveAtLeast: 4 }), 'mmoe').templateProblem).toBeNull();
    expect(dataShapeOf('recsys', ratings(), 'finalmlp').templateProblem).toBeNull();
  });
});
