// The Models form's size line (parameters, FLOPs per step): measured by the lab for the form's current
// template and settings, once per burst of edits, and only the answer for the latest edit lands (an
// earlier, slower one would show a stale size).
import { LabError, type LabApi } from '../../common/lab-api';

/** Edits in a row (typing a batch size) are measured once, this long after the last one. */
const MEASURE_DELAY_MS = 150;

/** What to measure now, or null when there is nothing to measure (no template, an invalid form). */
export type SizeRequest = () => { template: string; config: Record<string, unknown> } | null;

export class ModelSize {
  size = $state<{ params: number; flopsPerStep: number } | null>(null);
  error = $state<LabError | null>(null);
  private timer: ReturnType<typeof setTimeout> | null = null;
  private measured = 0;

  constructor(private readonly lab: LabApi, private readonly request: SizeRequest) {}

  /** Measures after MEASURE_DELAY_MS without further edits. */
  soon(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.now();
    }, MEASURE_DELAY_MS);
  }

  async now(): Promise<void> {
    // a new ticket even when there is nothing to measure: an answer still on its way is for settings gone
    const ticket = ++this.measured;
    const request = this.request();
    if (!request) return;
    try {
      const size = await this.lab.invoke('models.size', request);
      if (ticket !== this.measured) return;
      this.size = size;
      this.error = null;
    } catch (e) {
      if (ticket !== this.measured) return;
      this.size = null;
      this.error = LabError.from(e);
    }
  }
}
