// "About 12 s left" for an import in flight: the rate since the first progress report, so the estimate
// does not count the time before bytes started moving (upload set-up, the worker's start).

export interface ProgressSample { bytes: number; totalBytes: number }

/** Remembers each item's first report and estimates the seconds left; null until an estimate means something. */
export class TimeLeft {
  private readonly first = new Map<string, { at: number; bytes: number }>();

  seconds(key: string, p: ProgressSample, now = Date.now()): number | null {
    if (!(p.totalBytes > 0)) return null;
    const f = this.first.get(key);
    if (!f) {
      this.first.set(key, { at: now, bytes: p.bytes });
      return null;
    }
    const elapsed = (now - f.at) / 1000;
    const moved = p.bytes - f.bytes;
    // under a second or ~1% of the file in, the rate is mostly noise
    if (elapsed < 1 || moved <= 0 || moved < p.totalBytes * 0.01) return null;
    return Math.max(0, (p.totalBytes - p.bytes) / (moved / elapsed));
  }

  forget(key: string): void {
    this.first.delete(key);
  }
}
