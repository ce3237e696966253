// The two-click delete the run table, the dataset view and the split list share: one click only asks,
// the question takes the focus (so Enter confirms), Escape or Keep gives it back to Delete and deletes nothing.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
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

  it('says “Deleting…” and takes no click while the deletion runs', async () => {
    setup(true);
    const busy = screen.getByRole('button', { name: 'Delete split holdout' }) as HTMLButtonElement;
    expect(busy.textContent).toBe('Deleting…');
    expect(busy.disabled).toBe(true); // a browser sends no click to a disabled button
  });
});
