// The Models form's choice in each family tab for the session. Switching tabs used to pick the family's
// first gated template with its defaults again, so Forecasting → CTR → Forecasting turned a patch-transformer
// with lookback 800 into tsmixer-gated with 336, and the next Start trained a form the user had not made.
// Leaving a tab now keeps its template, fields, selected gate and (for "New run from this") the run the form
// came from; coming back restores them. The Training settings, seeds and dataset are the form's, not a tab's.
import type { Family, Template } from '../../common/lab-api';

/** What a family tab held when the user left it. */
export interface FamilyChoice<From = unknown> {
  templateId: string;
  config: Record<string, unknown>;
  selectedGate: string | null;
  /** The typed run name, when there was one (it names runs of this template). */
  name: string;
  /** The run the form was opened from ("New run from this"), so its child keeps its automatic name. */
  fromRun: From | null;
}

export class FamilyMemory<From = unknown> {
  private readonly left = new Map<Family, FamilyChoice<From>>();

  /** Keeps what `family`'s tab holds as the user leaves it (a copy: later edits belong to the other tab). */
  keep(family: Family, choice: FamilyChoice<From>): void {
    this.left.set(family, structuredClone(choice));
  }

  /**
   * What `family`'s tab held when left, or null: never visited, or its template no longer among `templates`
   * (a lab of another version came back after a restart) or no longer of that family.
   */
  recall(family: Family, templates: readonly Pick<Template, 'id' | 'family'>[]): FamilyChoice<From> | null {
    const kept = this.left.get(family);
    if (!kept || !templates.some((t) => t.id === kept.templateId && t.family === family)) return null;
    return structuredClone(kept);
  }

  /** Forgets every tab (the form was reset: a dataset it was for is gone). */
  clear(): void {
    this.left.clear();
  }
}
