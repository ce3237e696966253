// How many training steps to run per `session.run` of the Loop-K graph. One call should take about
// 50-200 ms: long enough that the per-call cost (moving params/m/v in and out, JS overhead) vanishes,
// short enough that progress, pause and cancel stay responsive (cancel is checked between calls).
export interface StepsPerCallOptions {
  /** Target duration of one call. */
  targetMs?: number;
  /** K for the first call, before anything is measured. */
  firstK?: number;
  maxK?: number;
}

export class StepsPerCall {
  private msPerStep: number | null = null;
  private calls = 0;
  private readonly targetMs: number;
  private readonly firstK: number;
  private readonly maxK: number;

  constructor(options: StepsPerCallOptions = {}) {
    this.targetMs = options.targetMs ?? 100;
    // One step first: that call also pays the warm-up, and a slow model (seconds per step) would
    // otherwise keep a cancel or pause waiting for 4 steps plus warm-up before anything is measured.
    this.firstK = options.firstK ?? 1;
    this.maxK = options.maxK ?? 1024;
  }

  /** The K to use for the next call. */
  next(): number {
    if (this.msPerStep === null) return this.firstK;
    return Math.max(1, Math.min(this.maxK, Math.round(this.targetMs / Math.max(this.msPerStep, 1e-3))));
  }

  /**
   * Records how long a call of k steps took. The first call pays the session's warm-up (memory planning,
   * first allocations), so the second call replaces its estimate; later calls are smoothed.
   */
  record(k: number, ms: number): void {
    const perStep = ms / Math.max(1, k);
    this.calls++;
    // Exponential smoothing: one slow call (GC, another process) must not halve K for good.
    this.msPerStep = this.calls <= 2 ? perStep : 0.7 * this.msPerStep! + 0.3 * perStep;
  }
}
