import { afterEach, describe, expect, it } from 'vitest';
import { tablistKeydown } from './tablist';

afterEach(() => { document.body.innerHTML = ''; });

function tablist(): { list: HTMLElement; tabs: HTMLButtonElement[]; picked: string[] } {
  document.body.innerHTML = '<div role="tablist"><button role="tab">Forecasting</button><button role="tab">Recommendation</button><button role="tab">Fusion</button></div>';
  const list = document.querySelector<HTMLElement>('[role="tablist"]')!;
  const tabs = [...list.querySelectorAll('button')];
  const picked: string[] = [];
  tabs.forEach((t) => t.addEventListener('click', () => picked.push(t.textContent!)));
  list.addEventListener('keydown', tablistKeydown);
  return { list, tabs, picked };
}
const press = (key: string) => document.activeElement!.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));

describe('tablist keys', () => {
  it('arrows move to the next or previous tab, wrapping, and select it; Home and End go to the ends', () => {
    const { tabs, picked } = tablist();
    tabs[0].focus();
    press('ArrowRight');
    expect(document.activeElement).toBe(tabs[1]);
    press('ArrowRight'); press('ArrowRight');
    expect(document.activeElement).toBe(tabs[0]);
    press('ArrowLeft');
    expect(document.activeElement).toBe(tabs[2]);
    press('Home');
    expect(document.activeElement).toBe(tabs[0]);
    press('End');
    expect(picked).toEqual(['Recommendation', 'Fusion', 'Forecasting', 'Fusion', 'Forecasting', 'Fusion']);
  });

  it('leaves other keys alone (Tab leaves the row, Enter is the button’s)', () => {
    const { tabs, picked } = tablist();
    tabs[1].focus();
    const tab = new KeyboardEvent('keydown', { key: 'Tab', bubbles: true, cancelable: true });
    tabs[1].dispatchEvent(tab);
    expect(tab.defaultPrevented).toBe(false);
    expect(picked).toEqual([]);
  });
});
