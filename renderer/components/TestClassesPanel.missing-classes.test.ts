// The per-class panel follows `gatelab show` (common/runs/test-classes.ts testClassLines) for classes a part
// of the split lacks: a class with no test rows that is never predicted reads — with the CLI's note and comes
// after every class with an F1 when the list is cut; a class without training rows is not offered class
// weights (the model never saw it), while another never-predicted class still is.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/svelte';
import TestClassesPanel from './TestClassesPanel.svelte';
import { listedClasses, unscoredNote } from '../lib/test-classes';
import { testClassLines, type TestClasses } from '../../common/runs/test-classes';

afterEach(() => cleanup());
const cls = (name: string, precision: number, recall: number, f1: number, support: number, predicted: number) => ({ name, precision, recall, f1, support, predicted });
const cells = (row: Element) => [...row.querySelectorAll('td, th')].map((c) => c.textContent!.trim());
const text = (el: Element) => el.textContent!.replace(/\s+/g, ' ').trim();

// the CLI test's CTR run: 6 clicks in 1,000 rows, none in the 100 test rows; the model predicts none
const noPositives: TestClasses = {
  step: 6,
  classes: [cls('false', 1, 1, 1, 100, 100), cls('true', 0, 0, 0, 0, 0)],
  confusion: [[100, 0], [0, 0]],
  macro: { precision: 1, recall: 1, f1: 1 },
  weighted: { precision: 1, recall: 1, f1: 1 },
};
// the CLI test's chronological split of tiers where 'new' appears only in the last rows
const tiers: TestClasses = {
  step: 4,
  classes: [cls('bronze', 0.25, 0.75, 0.37, 20, 60), cls('new', 0, 0, 0, 10, 0), cls('silver', 0.4, 0.2, 0.27, 50, 20)],
  confusion: [[15, 0, 5], [8, 0, 2], [37, 0, 13]],
  macro: { precision: 0.22, recall: 0.32, f1: 0.21 },
  weighted: { precision: 0.3, recall: 0.35, f1: 0.27 },
};

describe('a class with no test rows that is never predicted', () => {
  it('reads — for precision, recall and F1, with the note `gatelab show` prints', () => {
    render(TestClassesPanel, { props: { t: noPositives } });
    const rows = [...screen.getByTestId('test-classes-table').querySelectorAll('tbody tr')].map(cells);
    expect(rows).toEqual([['false', '1.0000', '1.0000', '1.0000', '100', '100'], ['true', '—', '—', '—', '0', '0']]);
    const note = "‘true’ has no test rows and is never predicted: its precision, recall and F1 cannot be judged (—, left out of the averages and the test f1); AUC is undefined on a test part of one class";
    expect(text(screen.getByTestId('unscored-classes'))).toBe(note);
    // word for word the CLI's note, but for the quotes
    expect(testClassLines(noPositives).at(-1)).toBe(`note: ${note.replace(/[‘’]/g, "'")}`);
    // not a never-predicted warning: it has no rows to predict
    expect(screen.queryByTestId('never-predicted')).toBeNull();
  });

  it('several are named together, AUC not called undefined while two classes have test rows; none: no note', () => {
    const t: TestClasses = {
      step: 1,
      classes: [cls('a', 0.5, 0.5, 0.5, 10, 10), cls('b', 0.2, 0.2, 0.2, 10, 10), cls('c', 0, 0, 0, 0, 0), cls('d', 0, 0, 0, 0, 0)],
      confusion: [[5, 5, 0, 0], [5, 5, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0]],
      macro: { precision: 0.35, recall: 0.35, f1: 0.35 }, weighted: { precision: 0.35, recall: 0.35, f1: 0.35 },
    };
    expect(unscoredNote(t)).toBe("‘c’ and ‘d’ have no test rows and are never predicted: their precision, recall and F1 cannot be judged (—, left out of the averages and the test f1)");
    expect(unscoredNote(tiers)).toBeNull();
    // a class with no test rows that the model does predict has a precision of 0 to show: not unscored
    expect(unscoredNote({ ...t, classes: t.classes.map((c) => (c.name === 'c' ? { ...c, predicted: 3 } : c)) })).toContain('‘d’ has no test rows');
  });

  it('comes after every class with an F1 when the list is cut to the lowest F1s, as the CLI lists them', () => {
    const t: TestClasses = {
      step: 1,
      classes: [cls('a', 0.5, 0.5, 0.5, 10, 10), cls('b', 0.2, 0.2, 0.2, 10, 10), cls('c', 0, 0, 0, 0, 0), cls('d', 0, 0, 0, 0, 0)],
      confusion: [[5, 5, 0, 0], [5, 5, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0]],
      macro: { precision: 0.35, recall: 0.35, f1: 0.35 }, weighted: { precision: 0.35, recall: 0.35, f1: 0.35 },
    };
    // its F1 of 0 is a placeholder: before, 'c' and 'd' took the first rows and hid 'b'
    expect(listedClasses(t, 3).map((c) => t.classes[c].name)).toEqual(['b', 'a', 'c']);
    expect(testClassLines(t, { max: 3 }).slice(1, 4).map((l) => l.split(' ')[0])).toEqual(['b', 'a', 'c']);
    // a real F1 of 0 (test rows, none right) is still the lowest
    const zero = { ...t, classes: t.classes.map((c) => (c.name === 'a' ? { ...c, f1: 0 } : c)) };
    expect(listedClasses(zero, 2).map((c) => zero.classes[c].name)).toEqual(['a', 'b']);
    // all fit: class-id order, as the data line lists them
    expect(listedClasses(t)).toEqual([0, 1, 2, 3]);
  });
});

describe('a never-predicted class without training rows', () => {
  it('says it has no training rows instead of suggesting class weights', () => {
    render(TestClassesPanel, { props: { t: { ...tiers, untrained: ['new'] } } });
    const note = text(screen.getByTestId('never-predicted'));
    expect(note).toBe("‘new’ is never predicted: 10 test rows are ‘new’ and the model labels none of them so. It has no training rows, so the model never saw it: class weights cannot help. " +
      'A split by class puts some of its rows in every part: Datasets › New split, kind Stratified on the target column, then pick that split in the Models form.');
    expect(note).not.toContain('Class weights: balanced');
  });

  it('a run from before the note (no untrained list) and another never-predicted class keep the remedy', () => {
    render(TestClassesPanel, { props: { t: tiers } });
    expect(text(screen.getByTestId('never-predicted'))).toContain('Train with Training › Class weights: balanced');
    cleanup();
    const both: TestClasses = { ...tiers, classes: tiers.classes.map((c) => (c.name === 'silver' ? { ...c, predicted: 0 } : c)), untrained: ['new'] };
    render(TestClassesPanel, { props: { t: both } });
    const [fresh, silver] = screen.getAllByTestId('never-predicted').map(text);
    expect(fresh).toContain('It has no training rows');
    expect(silver).toMatch(/^‘silver’ is never predicted: 50 test rows are ‘silver’.*Class weights: balanced/);
  });
});
