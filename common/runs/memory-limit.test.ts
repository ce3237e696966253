// A container's memory cap, not the host's memory, is what a run may plan against.
import { describe, expect, it } from 'vitest';
import { usableMemory } from './memory-limit';

const GB = 2 ** 30;
const files = (m: Record<string, string>) => (p: string) => m[p] ?? null;

describe('usableMemory', () => {
  it('takes a cgroup v2 or v1 cap below the machine’s memory, and ignores "max" and v1’s no-limit sentinel', () => {
    expect(usableMemory(24 * GB, files({}))).toBe(24 * GB); // not in a container
    expect(usableMemory(24 * GB, files({ '/sys/fs/cgroup/memory.max': 'max\n' }))).toBe(24 * GB);
    expect(usableMemory(24 * GB, files({ '/sys/fs/cgroup/memory.max': `${4 * GB}\n` }))).toBe(4 * GB);
    expect(usableMemory(24 * GB, files({ '/sys/fs/cgroup/memory/memory.limit_in_bytes': '9223372036854771712\n' }))).toBe(24 * GB);
    expect(usableMemory(24 * GB, files({ '/sys/fs/cgroup/memory/memory.limit_in_bytes': `${2 * GB}` }))).toBe(2 * GB);
    expect(usableMemory(8 * GB, files({ '/sys/fs/cgroup/memory.max': `${16 * GB}` }))).toBe(8 * GB); // a cap above the machine
    expect(usableMemory(8 * GB, files({ '/sys/fs/cgroup/memory.max': 'garbage' }))).toBe(8 * GB);
  });
});
