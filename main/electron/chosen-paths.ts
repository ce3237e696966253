// The files one page of the desktop window may have the lab import by path: those the user chose there
// (dropped on the window or picked with the Import button; the preload reports each File's path as the
// renderer asks for it, and page script cannot make up a File with a path). The sender check and the CSP
// keep foreign code out of the window; this is the layer behind them: script running in the page could
// still send any path, and a path import followed by a preview reads any file the user can (SSH keys).
// Each choice is good for one import within CHOSEN_PATH_TTL_MS. An import that fails gives its choice
// back for as long as the page lives, so the Datasets view's Retry (another bad-row policy) still works.
// Pure (no electron import) so it is tested without the Electron binary.
import { LabError } from '../../common/lab-api';

/** The preload → main message that carries a chosen file's path (send, not invoke: nothing answers). */
export const CHOSEN_PATH_CHANNEL = 'gatelab:chosen-path';

/** How long a choice waits for its import. The renderer imports a chosen file at once; a minute covers a busy machine. */
export const CHOSEN_PATH_TTL_MS = 60_000;

/** Choices of one path waiting at once: a user drops a file a few times at most, a loop in the page would grow this without end. */
export const MAX_CHOICES_PER_PATH = 32;

export class ChosenPaths {
  /** Path → expiry times of its unused choices, soonest first (Infinity: given back by a failed import). */
  private readonly choices = new Map<string, number[]>();

  constructor(private readonly now: () => number = Date.now) {}

  /** The user chose `path` (a dropped or picked file): one import of it is allowed for CHOSEN_PATH_TTL_MS. */
  choose(path: string): void {
    this.prune();
    this.add(path, this.now() + CHOSEN_PATH_TTL_MS);
  }

  /** Uses up one choice of `path`, or throws the error the user sees when there is none. */
  take(path: string): void {
    this.prune();
    const left = this.choices.get(path);
    if (!left?.length) {
      throw new LabError(
        'not-available',
        `'${path}' was not chosen in this window just now, so it is not imported: the desktop app imports by path only a file you drop on the window or pick with Import (or File › Import dataset…), once per pick. Drop or pick the file again.`,
      );
    }
    left.shift();
    if (!left.length) this.choices.delete(path);
  }

  /** An import of `path` failed: it may be tried again (another bad-row policy) while this page lives. */
  giveBack(path: string): void {
    this.add(path, Infinity);
  }

  /** Choices waiting, over all paths (for tests). */
  get waiting(): number {
    let n = 0;
    for (const left of this.choices.values()) n += left.length;
    return n;
  }

  private add(path: string, expires: number): void {
    const left = this.choices.get(path) ?? [];
    if (left.length >= MAX_CHOICES_PER_PATH) left.shift(); // the oldest goes: a fresh pick always counts
    left.push(expires);
    left.sort((a, b) => a - b);
    this.choices.set(path, left);
  }

  private prune(): void {
    const now = this.now();
    for (const [path, left] of this.choices) {
      const live = left.filter((t) => t > now);
      if (live.length) this.choices.set(path, live);
      else this.choices.delete(path);
    }
  }
}
