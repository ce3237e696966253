// Advice written before a dataset has an id says `gatelab datasets VERB ID`; pasted as is it fails. Every
// verb's ID is replaced, and words that merely start with ID are left alone.
import { describe, expect, it } from 'vitest';
import { adviceNamingDataset } from './dataset-in-advice';

describe('adviceNamingDataset', () => {
  it('names the dataset in each datasets command, whatever the verb and what follows', () => {
    const advice = 'set it with `gatelab datasets roles ID a=feature`; see gatelab datasets show ID. or gatelab datasets types ID, then gatelab datasets split ID';
    expect(adviceNamingDataset(advice, 7)).toBe('set it with `gatelab datasets roles 7 a=feature`; see gatelab datasets show 7. or gatelab datasets types 7, then gatelab datasets split 7');
    expect(adviceNamingDataset('gatelab datasets roles ID x=target', "'my data'")).toBe("gatelab datasets roles 'my data' x=target");
  });
  it('leaves other text alone', () => {
    expect(adviceNamingDataset('gatelab datasets roles IDS x; the ID column; gatelab runs show ID', 3)).toBe('gatelab datasets roles IDS x; the ID column; gatelab runs show ID');
  });
});
