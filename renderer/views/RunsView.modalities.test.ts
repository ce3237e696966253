// The Runs view names a fusion run's columns per modality under its data line (what a knockout's "gmu
// closed (tabular only)" refers to); a run stored before the trainer sent them shows the data line alone.
// The lab answers through the real dispatch (validated replies).
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, screen } from '@testing-library/svelte';
import { openApp } from '../fixtures/open-app';
import { fakeRunLab } from '../fixtures/fake-run-lab';
import type { RunDetail } from '../../common/lab-api';

afterEach(() => cleanup());

const LINE = 'fusion: 240 train / 30 validation / 30 test samples';
const open = (data: NonNullable<RunDetail['data']>) => openApp(fakeRunLab({ id: '5', template: 'gmu', metrics: { 'test.auc': 0.71 }, data }).lab, '#/runs/5');

describe("Runs view: a fusion run's modalities", () => {
  it('shows which columns make up each modality, after the data line', async () => {
    await open({ line: LINE, logScaled: [], modalities: [
      { name: 'text', columns: [{ name: 'title', kind: 'text', width: 16384 }, { name: 'body', kind: 'text', width: 16384 }] },
      { name: 'tabular', columns: [{ name: 'price', kind: 'number', width: 1 }, { name: 'brand', kind: 'one-hot', width: 3 }] },
    ] });
    const line = await screen.findByTestId('run-modalities');
    expect(line.textContent).toBe('modalities: text (title, body: hashed n-grams, 2^14 buckets); tabular (price, brand)');
    expect(screen.getByTestId('run-data-line').compareDocumentPosition(line) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('a run stored before modalities were kept shows no such line', async () => {
    await open({ line: LINE, logScaled: [] });
    await screen.findByTestId('run-data-line'); // the detail is read
    expect(screen.queryByTestId('run-modalities')).toBeNull();
  });
});
