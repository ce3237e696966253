// The byte-keyed dictionary against a Map of strings on many values (growth and rehash included).
import { describe, expect, it } from 'vitest';
import { ByteDictionary } from './byte-dictionary';

describe('ByteDictionary', () => {
  it('gives every distinct byte string one code, as a Map would, across growth', () => {
    const dict = new ByteDictionary();
    const reference = new Map<string, number>();
    let seed = 5;
    const rand = () => { seed = (seed * 48271) % 2147483647; return seed / 2147483647; };
    for (let i = 0; i < 50_000; i++) {
      const value = `v${Math.floor(rand() * 5000)}${i % 7 === 0 ? 'é'.repeat(i % 4) : ''}`;
      const bytes = Buffer.from(`,${value},`);
      const found = dict.find(bytes, 1, bytes.length - 1);
      if (found < 0) {
        expect(reference.has(value), value).toBe(false);
        reference.set(value, reference.size);
        dict.add(bytes, 1, bytes.length - 1, reference.size - 1);
      } else expect(found, value).toBe(reference.get(value));
    }
    expect(reference.size).toBeGreaterThan(5000);
  });
});
