// The run page says how imbalanced a classification run's label is in each part, under its data line, in the
// words `gatelab show` prints (common/runs/class-balance.ts); a run stored before its trainer counted the
// classes shows the data line alone. The lab answers through the real dispatch (validated replies), so a
// detail whose schema dropped the counts would show no line here.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, screen } from '@testing-library/svelte';
import { openApp } from '../fixtures/open-app';
import { fakeRunLab } from '../fixtures/fake-run-lab';
import type { RunDetail } from '../../common/lab-api';

afterEach(() => cleanup());

const LINE = "recsys: 80,000 train / 10,000 validation / 10,000 test samples; label: 'clicked' = 1 is positive (0 negative)";
const LABEL = { column: 'clicked', classes: ['0', '1'], positive: '1', negative: '0' };
const open = (data: NonNullable<RunDetail['data']>) =>
  openApp(fakeRunLab({ id: '3', template: 'lr', metrics: { 'test.accuracy': 0.8601 }, data }).lab, '#/runs/3');

describe("Runs view: a classification run's class balance", () => {
  it("shows the positive class's share of each part under the data line", async () => {
    await open({ line: LINE, logScaled: [], label: LABEL, classCounts: { train: [68092, 11908], validation: [8522, 1478], test: [8601, 1399] } });
    const line = await screen.findByTestId('run-class-balance');
    expect(line.textContent).toBe("class balance: 'clicked' = 1 (positive) is 14.9% of train, 14.8% of validation and 14.0% of test rows (11,908 / 1,478 / 1,399)");
    expect(screen.getByTestId('run-data-line').compareDocumentPosition(line) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('a run stored before its classes were counted shows no such line', async () => {
    await open({ line: LINE, logScaled: [], label: LABEL });
    await screen.findByTestId('run-data-line'); // the detail is read
    expect(screen.queryByTestId('run-class-balance')).toBeNull();
  });
});
