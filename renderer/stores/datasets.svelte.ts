// Datasets: the list, the selected dataset's detail, and role edits. Refreshes itself when the lab
// says datasets changed (an import finished elsewhere, another window edited roles).
import { LabError, type ColumnRole, type DatasetDetail, type DatasetSummary, type LabApi } from '../../common/lab-api';

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

  async setRole(column: string, role: ColumnRole): Promise<void> {
    if (!this.selected) return;
    try {
      this.selected = await this.lab.invoke('datasets.setRoles', { id: this.selected.id, roles: { [column]: role } });
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
