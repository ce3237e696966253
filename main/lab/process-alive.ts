// Whether a lab process recorded by pid (in a run's owner.json, on an analytics job's row) still runs.
// Lab processes sharing one lab home coordinate through these records, so a second lab leaves alone
// what a live one is doing and takes over only what a dead one left behind.
import { uptime } from 'node:os';

/** Whether a process with this pid exists (signal 0 checks without signalling). */
export function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'; // it exists, owned by another user
  }
}

const BOOT_SLACK_MS = 10 * 60_000;

/**
 * Whether a record written at `since` (ISO time) predates this machine's last boot: its process died
 * with the reboot even if another process now holds the same pid. Ten minutes of slack absorb the wall
 * clock being set forward (NTP) after the record was written, which would otherwise make a live lab
 * look older than the boot; within the slack the pid check decides alone.
 */
export function writtenBeforeBoot(since: string, now = Date.now()): boolean {
  const at = Date.parse(since);
  const up = uptime();
  if (Number.isNaN(at) || !(up > 0)) return false; // unknown: let the pid decide
  return at < now - up * 1000 - BOOT_SLACK_MS;
}
