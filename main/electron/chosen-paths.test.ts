// A page's chosen files: each pick allows one path import for a minute; anything else is refused with a
// message that says what to do; a failed import's pick comes back and stays until the page goes.
import { describe, expect, it } from 'vitest';
import { LabError } from '../../common/lab-api';
import { CHOSEN_PATH_TTL_MS, ChosenPaths, MAX_CHOICES_PER_PATH } from './chosen-paths';

function clock() {
  let t = 1_000_000;
  return { now: () => t, pass: (ms: number) => (t += ms) };
}

const refusal = (choices: ChosenPaths, path: string): LabError => {
  try {
    choices.take(path);
  } catch (e) {
    return e as LabError;
  }
  throw new Error(`'${path}' was allowed`);
};

describe('chosen paths', () => {
  it('allows a chosen path once, and refuses a path never chosen with what to do instead', () => {
    const choices = new ChosenPaths();
    choices.choose('/home/ana/data/sales.csv');
    expect(() => choices.take('/home/ana/data/sales.csv')).not.toThrow();
    const again = refusal(choices, '/home/ana/data/sales.csv');
    expect(again.code).toBe('not-available');
    expect(again.message).toBe(
      "'/home/ana/data/sales.csv' was not chosen in this window just now, so it is not imported: the desktop app imports by path only a file you drop on the window or pick with Import (or File › Import dataset…), once per pick. Drop or pick the file again.",
    );
    expect(refusal(choices, '/home/ana/.ssh/id_ed25519').message).toMatch(/^'\/home\/ana\/\.ssh\/id_ed25519' was not chosen in this window/);
  });

  it('matches the exact path the preload reported (no other spelling of it)', () => {
    const choices = new ChosenPaths();
    choices.choose('/data/a.csv');
    expect(refusal(choices, '/data/./a.csv').code).toBe('not-available');
    expect(refusal(choices, '/data/../data/a.csv').code).toBe('not-available');
    expect(() => choices.take('/data/a.csv')).not.toThrow();
  });

  it(`lets a pick wait ${CHOSEN_PATH_TTL_MS / 1000} s for its import, then forgets it`, () => {
    const c = clock();
    const choices = new ChosenPaths(c.now);
    choices.choose('/data/a.csv');
    choices.choose('/data/b.csv');
    c.pass(CHOSEN_PATH_TTL_MS - 1);
    expect(() => choices.take('/data/a.csv')).not.toThrow();
    c.pass(1);
    expect(refusal(choices, '/data/b.csv').code).toBe('not-available');
    expect(choices.waiting).toBe(0);
  });

  it('counts picks: a file dropped twice imports twice', () => {
    const choices = new ChosenPaths();
    choices.choose('/data/a.csv');
    choices.choose('/data/a.csv');
    choices.take('/data/a.csv');
    choices.take('/data/a.csv');
    expect(refusal(choices, '/data/a.csv').code).toBe('not-available');
  });

  it('gives a failed import its pick back for as long as the page lives (Retry may come much later)', () => {
    const c = clock();
    const choices = new ChosenPaths(c.now);
    choices.choose('/data/bad-rows.csv');
    choices.take('/data/bad-rows.csv');
    choices.giveBack('/data/bad-rows.csv');
    c.pass(10 * CHOSEN_PATH_TTL_MS);
    expect(() => choices.take('/data/bad-rows.csv')).not.toThrow();
    expect(refusal(choices, '/data/bad-rows.csv').code).toBe('not-available');
  });

  it(`keeps at most ${MAX_CHOICES_PER_PATH} waiting picks of one path`, () => {
    const choices = new ChosenPaths();
    for (let i = 0; i < 10 * MAX_CHOICES_PER_PATH; i++) choices.choose('/data/a.csv');
    expect(choices.waiting).toBe(MAX_CHOICES_PER_PATH);
  });
});
