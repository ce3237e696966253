// Seeded random numbers for weight initialisation and synthetic data. Deterministic across machines
// and runs (no Math.random): a run's seed and a parameter's name fully determine its initial values.

// splitmix32 lives in common/ so that the lab (sweeps, data order) and the engine (init) share one generator.
import { splitmix32 } from '../../common/runs/random';

export { splitmix32 };

/** FNV-1a of a string, to derive one stream per parameter name (adding a layer leaves the others' init unchanged). */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

export interface Random {
  /** Uniform in [0, 1). */
  uniform(): number;
  /** Standard normal (Box-Muller). */
  normal(): number;
  /** Integer in [0, n). */
  int(n: number): number;
}

export function seededRandom(seed: number, stream = ''): Random {
  const next = splitmix32((seed ^ hashString(stream)) >>> 0);
  let spare: number | null = null;
  return {
    uniform: next,
    normal() {
      if (spare !== null) { const s = spare; spare = null; return s; }
      // 1 - u keeps the argument of log in (0, 1]: never log(0).
      const r = Math.sqrt(-2 * Math.log(1 - next()));
      const theta = 2 * Math.PI * next();
      spare = r * Math.sin(theta);
      return r * Math.cos(theta);
    },
    int: (n) => Math.floor(next() * n),
  };
}
