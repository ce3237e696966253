// The Models form for a fusion target that is a number (the demo's `visibility` as the target), against a
// real lab: the target line says it is regressed, the `task` choice shows auto while unset with the rule as
// its help and changes what the form says, and the target scale is the trainer's to fill.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/svelte';
import { demoOf, modelsLab, openModels } from '../fixtures/models-lab';

const labStores = modelsLab();
afterEach(() => cleanup());

describe('a number to regress in the Models form', () => {
  it('shows the target as regressed, the task choice with the auto rule, and the target scale as filled by the run', async () => {
    const stores = labStores();
    const id = demoOf(stores, 'fusion');
    await stores.lab.invoke('datasets.setRoles', { id, roles: { visibility: 'target', label: 'ignore' }, modalities: { visibility: null } });
    await stores.datasets.refresh();
    await openModels(stores, id, 'fusion', 'concat-fusion');
    const classes = await screen.findByTestId('fixed-classes');
    await waitFor(() => expect(classes.querySelector('output')?.textContent).toBe('from the dataset: a number to regress: visibility'));
    const task = document.querySelector('[data-field="task"]')!;
    const select = task.querySelector('select')!;
    expect([...select.options].map((o) => o.value)).toEqual(['auto', 'classification', 'regression']);
    expect(select.value).toBe('auto'); // unset reads as auto, as the lab reads it
    expect(stores.models.config.task).toBeUndefined();
    expect(task.querySelector('.help')?.textContent).toMatch(/'auto' \(the default: a number with fractions or more than 100 distinct integers is regressed\)/);
    // the mean and std are the training rows': no boxes to type them in
    expect(screen.getByTestId('fixed-targetScale').querySelector('output')?.textContent).toBe("from the dataset: the training rows' mean and std of a number to regress, when the run starts");
    expect(document.querySelector('[data-field="targetScale.mean"]')).toBeNull();
    await fireEvent.change(select, { target: { value: 'classification' } });
    await waitFor(() => expect(stores.models.config.task).toBe('classification'));
    // the importer counted visibility's values: their count is the classes (data-shape.regression.test.ts checks it against the trainer)
    await waitFor(() => expect(classes.querySelector('output')?.textContent).toMatch(/^from the dataset: \d{3} \(the values of visibility\)$/));
  }, 60_000);
});
