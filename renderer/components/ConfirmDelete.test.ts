// The two-click delete the run table, the dataset view and the split list share: one click only asks,
// the question takes the focus (so Enter confirms), Escape or Keep gives it back to Delete and deletes nothing.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/svelte';
import ConfirmDelete from './ConfirmDelete.svelte';

afterEach(() => cleanup());

function setup(busy = false) {
  const calls: string[] = [];
  const view = render(ConfirmDelete, { props: { what: 'split holdout', title: 'Deletes the stored split.', busy, onask: () => calls.push('ask'), onconfirm: () => calls.push('confirm') } });
  const del = () => screen.getByRole('button', { name: 'Delete split holdout' });
  const question = () => screen.queryByRole('button', { name: 'Confirm deleting split holdout' });
  return { calls, del, question, view };
}

describe('ConfirmDelete', () => {
  it('asks first; Escape and Keep keep the thing and give focus back to Delete; the second click deletes once', async () => {
    const { calls, del, question } = setup();
    expect(del().textContent).toBe('Delete');
    expect(question()).toBeNull();

    await fireEvent.click(del());
    expect(calls).toEqual(['ask']); // asked, nothing deleted
    expect(document.activeElement).toBe(question());
    expect(question()!.textContent).toBe('Delete?');
    expect(question()!.title).toBe('Deletes the stored split. Escape keeps it.');
    expect(screen.getByRole('group', { name: 'Delete split holdout?' })).toBeTruthy();

    await fireEvent.keyDown(question()!, { key: 'Escape' });
    expect(question()).toBeNull();
    expect(document.activeElement).toBe(del());
    expect(screen.queryByTestId('delete-explains')).toBeNull(); // said only while it asks

    await fireEvent.click(del());
    await fireEvent.keyDown(screen.getByRole('button', { name: 'Keep' }), { key: 'Escape' });
    expect(document.activeElement).toBe(del());

    await fireEvent.click(del());
    await fireEvent.click(screen.getByRole('button', { name: 'Keep' }));
    expect(question()).toBeNull();
    expect(document.activeElement).toBe(del());
    expect(calls).toEqual(['ask', 'ask', 'ask']);

    await fireEvent.click(del());
    await fireEvent.keyDown(question()!, { key: 'Enter' }); // other keys do not keep
    expect(question()).not.toBeNull();
    await fireEvent.click(question()!);
    expect(calls).toEqual(['ask', 'ask', 'ask', 'ask', 'confirm']);
    expect(question()).toBeNull();
  });

  it('says what deleting removes and what stays as text under the question, read with it, not only in a tooltip', async () => {
    const what = 'Deletes its metric points, gate statistics and checkpoints. Its exported files and its dataset stay.';
    render(ConfirmDelete, { props: { what: '#3 · s1 · dlinear on loads', title: what, onconfirm: () => {} } });
    await fireEvent.click(screen.getByRole('button', { name: 'Delete #3 · s1 · dlinear on loads' }));
    const explains = screen.getByTestId('delete-explains');
    expect(explains.textContent).toBe(what);
    const question = screen.getByRole('button', { name: 'Confirm deleting #3 · s1 · dlinear on loads' });
    // a screen reader hears it when the focus lands on "Delete?"
    expect(document.activeElement).toBe(question);
    expect(question.getAttribute('aria-describedby')).toBe(explains.id);
    expect(within(screen.getByRole('group', { name: 'Delete #3 · s1 · dlinear on loads?' })).getByTestId('delete-explains')).toBe(explains);
  });

  it('gives each open question its own explanation', async () => {
    render(ConfirmDelete, { props: { what: 'run 1', title: 'Deletes run 1.', onconfirm: () => {} } });
    render(ConfirmDelete, { props: { what: 'run 2', title: 'Deletes run 2.', onconfirm: () => {} } });
    await fireEvent.click(screen.getByRole('button', { name: 'Delete run 1' }));
    await fireEvent.click(screen.getByRole('button', { name: 'Delete run 2' }));
    const described = (n: number) => document.getElementById(screen.getByRole('button', { name: `Confirm deleting run ${n}` }).getAttribute('aria-describedby')!)!.textContent;
    expect([described(1), described(2)]).toEqual(['Deletes run 1.', 'Deletes run 2.']);
  });

  it('says “Deleting…” and takes no click while the deletion runs', async () => {
    setup(true);
    const busy = screen.getByRole('button', { name: 'Delete split holdout' }) as HTMLButtonElement;
    expect(busy.textContent).toBe('Deleting…');
    expect(busy.disabled).toBe(true); // a browser sends no click to a disabled button
  });
});
