import { describe, expect, it } from 'vitest';
import { MALLOC_TUNING, trainerEnv } from './trainer-env';

describe('trainer environment', () => {
  it('passes the parent environment on and adds the malloc thresholds', () => {
    const env = trainerEnv({ PATH: '/usr/bin', GATELAB_HOME: '/tmp/lab' });
    expect(env.PATH).toBe('/usr/bin');
    expect(env.GATELAB_HOME).toBe('/tmp/lab');
    expect(env.MALLOC_MMAP_THRESHOLD_).toBe(MALLOC_TUNING.MALLOC_MMAP_THRESHOLD_);
    expect(env.MALLOC_TRIM_THRESHOLD_).toBe('1073741824');
    expect(env.MALLOC_TOP_PAD_).toBe('268435456');
  });

  it('keeps a threshold the user set, and leaves the parent environment untouched', () => {
    const parent = { MALLOC_MMAP_THRESHOLD_: '131072' };
    const env = trainerEnv(parent);
    expect(env.MALLOC_MMAP_THRESHOLD_).toBe('131072');
    expect(env.MALLOC_TOP_PAD_).toBe('268435456');
    expect(parent).toEqual({ MALLOC_MMAP_THRESHOLD_: '131072' });
  });
});
