// The memory a run may plan against: the machine's, or less when the process lives in a container
// whose control group caps it (Docker, Kubernetes, CI runners). `os.totalmem()` reports the host's
// memory there, so a model sized against it would be killed by the kernel instead of refused in words.
// Pure: the caller reads the files (main and the trainer each with node:fs).

/** The cgroup files that hold a memory cap: v2's unified hierarchy, then v1's memory controller. */
export const CGROUP_MEMORY_FILES = ['/sys/fs/cgroup/memory.max', '/sys/fs/cgroup/memory/memory.limit_in_bytes'] as const;

/**
 * `totalBytes`, or the smallest cgroup cap below it. `read` returns a file's text or null when it is
 * absent; "max" (v2) and v1's "no limit" sentinel (about 2^63) are above any machine and change nothing.
 */
export function usableMemory(totalBytes: number, read: (path: string) => string | null): number {
  let bytes = totalBytes;
  for (const path of CGROUP_MEMORY_FILES) {
    const cap = Number((read(path) ?? '').trim());
    if (Number.isFinite(cap) && cap > 0 && cap < bytes) bytes = cap;
  }
  return bytes;
}
