// Seeded randomness for splits and demo data: the same seed gives the same rows on every machine
// and in every process (the lab and the trainers import this file). mulberry32: tiny, fast, 32-bit
// state, good enough for shuffling (not for cryptography).
export type Random = () => number;

export function seededRandom(seed: number): Random {
  let a = (seed >>> 0) ^ 0x9e3779b9;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** An integer in [0, n). */
export const randomInt = (random: Random, n: number): number => Math.floor(random() * n);

/** Standard normal draw (Box–Muller). */
export function randomNormal(random: Random): number {
  let u = 0;
  while (u === 0) u = random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

/** Fisher–Yates shuffle in place; returns the array. */
export function shuffle<T extends Int32Array | number[]>(items: T, random: Random): T {
  for (let i = items.length - 1; i > 0; i--) {
    const j = randomInt(random, i + 1);
    const t = items[i];
    items[i] = items[j];
    items[j] = t;
  }
  return items;
}

/** 0..n-1 as an Int32Array. */
export const range = (n: number): Int32Array => Int32Array.from({ length: n }, (_, i) => i);
