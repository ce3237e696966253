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
   * first allocations), so the second call replaces its estimate; later calls are smoothed, and how much
   * depends on the direction. A slower call moves the estimate by 30%: one slow call (GC, another process)
   * must not halve K for good. A faster call moves it by 70%. Why: nothing makes a call spuriously fast,
   * but the warm-up lasts longer than one call. A FinalMLP session (1.4M parameters, Adam) paid ~95 ms of
   * page faults per call for its first ~6 one-step calls, then ran steps of ~25 ms. With 30% either way, the
   * estimate needed ~10 more calls to leave K=1 (bench/README.md, "Flagships"); with 70% it needs ~3.
   */
  record(k: number, ms: number): void {
    const perStep = ms / Math.max(1, k);
    this.calls++;
    if (this.calls <= 2 || this.msPerStep === null) this.msPerStep = perStep;
    else {
      const weight = perStep < this.msPerStep ? FASTER_WEIGHT : SLOWER_WEIGHT;
      this.msPerStep = (1 - weight) * this.msPerStep + weight * perStep;
    }
  }
}

/** How far one call moves the estimate of the time per step when it was faster / slower (see record). */
const FASTER_WEIGHT = 0.7;
const SLOWER_WEIGHT = 0.3;
