// The Runs view's "Test per class" panel on the audit's ticket run: the numbers `gatelab show` prints, the
// confusion grid with true classes as rows and cells shaded by their share of the row, the averages, and
// the never-predicted class named with the remedy (none offered when the run already weighs its classes).
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import TestClassesPanel from './TestClassesPanel.svelte';
import { AUDIT_TICKETS } from '../fixtures/test-classes';
import { listedClasses, rowShares, weighsClasses } from '../lib/test-classes';
import type { TestClasses } from '../../common/runs/test-classes';

afterEach(() => cleanup());
const cells = (row: Element) => [...row.querySelectorAll('td, th')].map((c) => c.textContent!.trim());

describe('TestClassesPanel', () => {
  it("lists each class's precision, recall, F1, support and predicted count, then the macro and weighted averages", () => {
    render(TestClassesPanel, { props: { t: AUDIT_TICKETS } });
    const table = screen.getByTestId('test-classes-table');
    expect([...table.querySelectorAll('tbody tr')].map(cells)).toEqual([
      ['escalated', '0.8182', '0.8710', '0.8438', '31', '33'],
      ['refund', '0.0000', '0.0000', '0.0000', '9', '0'],
      ['resolved', '0.9781', '0.9972', '0.9876', '359', '366'],
    ]);
    expect(cells(screen.getByTestId('macro-avg'))).toEqual(['macro avg', '0.5988', '0.6227', '0.6104', '', '']);
    expect(cells(screen.getByTestId('weighted-avg'))).toEqual(['weighted avg', '0.9437', '0.9649', '0.9541', '', '']);
  });

  it('draws the confusion matrix with a row per true class, shaded by the share of the row', () => {
    render(TestClassesPanel, { props: { t: AUDIT_TICKETS } });
    const grid = screen.getByTestId('confusion-matrix');
    expect(cells(grid.querySelector('thead tr')!).slice(1)).toEqual(['escalated', 'refund', 'resolved']);
    expect([...grid.querySelectorAll('tbody tr')].map(cells)).toEqual([
      ['escalated', '27', '0', '4'], ['refund', '5', '0', '4'], ['resolved', '1', '0', '358'],
    ]);
    // refund's row: 5 of 9 predicted escalated, 4 of 9 resolved, none refund
    const refund = grid.querySelectorAll('tbody tr')[1].querySelectorAll('td');
    expect([...refund].map((c) => Number(c.getAttribute('data-share')))).toEqual([5 / 9, 0, 4 / 9]);
    expect(refund[0].getAttribute('style')).toContain('var(--accent) 56%');
    expect(refund[0].getAttribute('title')).toBe('true refund, predicted escalated: 5 test rows (56% of refund)');
    // a nearly full diagonal cell is dark: its number is drawn in the accent's text colour
    expect(grid.querySelectorAll('tbody tr')[2].querySelectorAll('td')[2].getAttribute('style')).toContain('color: var(--accent-text)');
  });

  it('names a class with test rows that is never predicted, with the remedy', () => {
    render(TestClassesPanel, { props: { t: AUDIT_TICKETS } });
    const notes = screen.getAllByTestId('never-predicted');
    expect(notes).toHaveLength(1);
    expect(notes[0].textContent!.replace(/\s+/g, ' ')).toBe("‘refund’ is never predicted: 9 test rows are ‘refund’ and the model labels none of them so. " +
      'Train with Training › Class weights: balanced (or --set loss.classWeights=balanced) to give every class the same weight in the loss.');
  });

  it('a run that already weighs its classes is not told to; a class with no test rows is not a warning', () => {
    const noRows: TestClasses = { ...AUDIT_TICKETS, classes: AUDIT_TICKETS.classes.map((c) => (c.name === 'refund' ? { ...c, support: 0 } : c)) };
    render(TestClassesPanel, { props: { t: AUDIT_TICKETS, weighted: true } });
    expect(screen.getByTestId('never-predicted').textContent).toContain('already weighs its classes');
    expect(screen.getByTestId('never-predicted').textContent).not.toContain('loss.classWeights=balanced');
    cleanup();
    render(TestClassesPanel, { props: { t: noRows } });
    expect(screen.queryByTestId('never-predicted')).toBeNull();
    expect(weighsClasses({ loss: { classWeights: 'balanced' } })).toBe(true);
    expect(weighsClasses({ loss: { classWeights: [1, 5, 0.5] } })).toBe(true);
    expect(weighsClasses({ loss: { classWeights: 'none' } })).toBe(false);
    expect(weighsClasses({ model: { template: 'gmu' } })).toBe(false);
  });

  it('many classes: the 50 with the lowest F1 first (Show all lists every one), and no grid too small to read', async () => {
    const k = 60;
    const t: TestClasses = {
      step: 5,
      classes: Array.from({ length: k }, (_, c) => ({ name: `c${c}`, precision: 0.5, recall: 0.5, f1: c / 100, support: 10, predicted: 10 })),
      confusion: Array.from({ length: k }, (_, a) => Array.from({ length: k }, (_, p) => (a === p ? 5 : 0))),
      macro: { precision: 0.5, recall: 0.5, f1: 0.3 }, weighted: { precision: 0.5, recall: 0.5, f1: 0.3 },
    };
    expect(listedClasses(t)).toEqual(Array.from({ length: 50 }, (_, c) => c));
    const { container } = render(TestClassesPanel, { props: { t: { ...t, classes: [...t.classes].reverse() } } });
    const rows = () => [...screen.getByTestId('test-classes-table').querySelectorAll('tbody tr')].map((r) => r.getAttribute('data-class'));
    expect(rows()).toHaveLength(50);
    expect(rows()[0]).toBe('c0'); // the lowest F1 first
    expect(screen.queryByTestId('confusion-matrix')).toBeNull();
    expect(screen.getByTestId('confusion-too-wide').textContent).toContain('60 × 60');
    await fireEvent.click(screen.getByRole('button', { name: 'Show all 60' }));
    expect(rows()).toHaveLength(60);
    expect(container.textContent).not.toContain('Show all');
  });

  it('a class with no test rows has shares of 0, not NaN', () => {
    expect(rowShares([[0, 0], [1, 3]])).toEqual([[0, 0], [0.25, 0.75]]);
  });
});
