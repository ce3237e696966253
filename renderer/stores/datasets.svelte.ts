// Datasets: the list, the selected dataset's detail, and role edits. Refreshes itself when the lab
// says datasets changed (an import finished elsewhere, another window edited roles).
import { LabError, type ColumnRole, type ColumnType, type DatasetDetail, type DatasetSummary, type LabApi, type LabelRule } from '../../common/lab-api';

export class DatasetsStore {
  list = $state<DatasetSummary[]>([]);
  loaded = $state(false);
  error = $state<LabError | null>(null);
  selected = $state<DatasetDetail | null>(null);
  selectedError = $state<LabError | null>(null);
  loadingDetail = $state(false);

  constructor(private readonly lab: LabApi) {
    lab.on('datasets.changed', ({ id }) => {
      void this.refresh();
      if (id && this.selected?.id === id) void this.select(id);
    });
  }

  async refresh(): Promise<void> {
    try {
      this.list = await this.lab.invoke('datasets.list', {});
      this.error = null;
    } catch (e) {
      this.error = LabError.from(e);
    } finally {
      this.loaded = true;
    }
  }

  async select(id: string | null): Promise<void> {
    if (!id) {
      this.selected = null;
      return;
    }
    this.loadingDetail = true;
    try {
      this.selected = await this.lab.invoke('datasets.get', { id });
      this.selectedError = null;
    } catch (e) {
      this.selected = null;
      this.selectedError = LabError.from(e);
    } finally {
      this.loadingDetail = false;
    }
  }

  /**
   * Changes one column's role. A dataset has one target: making a column the target demotes the previous
   * one to a feature (runs train on the first target in column order, so two would silently pick one).
   * When the target changes or goes, its binary label rule goes too: a threshold or a positive value
   * chosen for one column means nothing for another.
   */
  async setRole(column: string, role: ColumnRole): Promise<void> {
    if (!this.selected) return;
    const wasTarget = this.selected.columnInfo.find((c) => c.name === column)?.role === 'target';
    const roles: Record<string, ColumnRole> = { [column]: role };
    if (role === 'target') for (const c of this.selected.columnInfo) if (c.role === 'target' && c.name !== column) roles[c.name] = 'feature';
    const targetChanged = role === 'target' ? !wasTarget : wasTarget;
    await this.save(roles, targetChanged ? { positiveAtLeast: null } : undefined);
  }

  /** No target any more (forecasting models need none): the current target becomes a feature. */
  async clearTarget(): Promise<void> {
    if (!this.selected) return;
    const roles: Record<string, ColumnRole> = {};
    for (const c of this.selected.columnInfo) if (c.role === 'target') roles[c.name] = 'feature';
    await this.save(roles, { positiveAtLeast: null });
  }

  private async save(roles: Record<string, ColumnRole>, label?: LabelRule): Promise<void> {
    if (!this.selected) return;
    try {
      this.selected = await this.lab.invoke('datasets.setRoles', { id: this.selected.id, roles, ...(label ? { label } : {}) });
      this.selectedError = null;
    } catch (e) {
      this.selectedError = LabError.from(e);
    }
  }

  /** Puts a column in a modality group (fusion models encode each group as one input); '' clears it. */
  async setModality(column: string, modality: string): Promise<void> {
    if (!this.selected) return;
    try {
      this.selected = await this.lab.invoke('datasets.setRoles', { id: this.selected.id, roles: {}, modalities: { [column]: modality.trim() || null } });
      this.selectedError = null;
    } catch (e) {
      this.selectedError = LabError.from(e);
    }
  }

  /**
   * Marks `column` as the target (a previous target becomes a feature) and stores its label rule (it
   * replaces the stored one): positiveAtLeast = t makes a binary label (value ≥ t -> 1); `positive` names
   * the positive value of a two-valued target, as `gatelab datasets roles … --positive VALUE` stores it;
   * neither: the target is used as it is.
   */
  async setTarget(column: string, positiveAtLeast: number | null, positive: string | null = null): Promise<void> {
    if (!this.selected) return;
    const roles: Record<string, ColumnRole> = { [column]: 'target' };
    for (const c of this.selected.columnInfo) if (c.role === 'target' && c.name !== column) roles[c.name] = 'feature';
    await this.save(roles, { positiveAtLeast, ...(positive !== null ? { positive } : {}) });
  }

  /** The dataset being renamed in the title (its id), or null. */
  renaming = $state<string | null>(null);

  /**
   * Reads a column as another type (null: back to the inferred one). The lab parses the dataset again from
   * its stored original, so this takes a moment; resolves with the confirmation, rejects with the lab's
   * refusal (bad values counted, runs that use the dataset named). `onInvalid` replaces the dataset's policy.
   */
  async setType(column: string, type: ColumnType | null, onInvalid?: 'drop' | 'impute'): Promise<string> {
    if (!this.selected) throw new LabError('not-found', 'no dataset is open');
    const id = this.selected.id;
    const { dataset, message } = await this.lab.invoke('datasets.setTypes', { id, types: { [column]: type }, ...(onInvalid ? { onInvalid } : {}) });
    if (this.selected?.id === id) this.selected = dataset;
    await this.refresh(); // rows may have changed (drop)
    return message;
  }

  /** Renames a dataset; the list and the open detail show the new name. Errors land in selectedError. */
  async rename(id: string, name: string): Promise<void> {
    if (this.renaming !== id) return; // Enter renamed already; the input's blur as it goes must not repeat it
    this.renaming = null;
    const current = this.list.find((d) => d.id === id)?.name ?? this.selected?.name;
    if (!name.trim() || name.trim() === current) return;
    try {
      const { dataset } = await this.lab.invoke('datasets.rename', { id, name });
      if (this.selected?.id === id) this.selected = { ...this.selected, name: dataset.name };
      this.selectedError = null;
      await this.refresh();
    } catch (e) {
      this.selectedError = LabError.from(e);
    }
  }

  async remove(id: string): Promise<void> {
    await this.lab.invoke('datasets.remove', { id });
    if (this.selected?.id === id) this.selected = null;
    await this.refresh();
  }
}
