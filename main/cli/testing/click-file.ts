// Test helper (test-only): a new lab home (no demos) holding a small click file, and the cheapest CLI run on
// it (logistic regression, 2 steps), for tests about what `gatelab train --dataset FILE` prints and stores
// rather than about training.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { labHomeWithDemos } from '../../lab/testing/lab-home';
import { gatelab, type CliOutput } from './gatelab';

/** 200 rows `user,item,click`: a click in 1 row of 3, so the majority class is 0. */
export const clickRows = (): string[] => Array.from({ length: 200 }, (_, i) => `u${i % 20},i${(i * 7) % 30},${i % 3 === 0 ? 1 : 0}`);

/** A home with `shop.csv` (clickRows) in it, not yet imported. */
export async function labHomeWithClickFile(prefix: string): Promise<{ home: string; file: string }> {
  const home = await labHomeWithDemos([], prefix);
  const file = join(home, 'shop.csv');
  writeFileSync(file, ['user,item,click', ...clickRows()].join('\n') + '\n');
  return { home, file };
}

/** `gatelab train --dataset FILE --template lr --target click`, 1 epoch of at most 2 steps, then `words`. */
export function trainTwoSteps(home: string, file: string, ...words: string[]): Promise<CliOutput> {
  return gatelab(['train', '--dataset', file, '--template', 'lr', '--target', 'click', '--epochs', '1', '--set', 'max-steps=2', ...words, '--home', home]);
}
