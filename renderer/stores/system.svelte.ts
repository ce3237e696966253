// What the lab offers (execution providers, missing parts) and its settings, plus the connection state.
import { LabError, type LabApi, type Settings, type SystemInfo } from '../../common/lab-api';

export class SystemStore {
  info = $state<SystemInfo | null>(null);
  settings = $state<Settings | null>(null);
  error = $state<LabError | null>(null);
  connection = $state<'connecting' | 'open' | 'closed'>('connecting');
  connectionDetail = $state('');

  constructor(private readonly lab: LabApi) {}

  async load(): Promise<void> {
    try {
      [this.info, this.settings] = await Promise.all([this.lab.invoke('system.info', {}), this.lab.invoke('settings.get', {})]);
      this.error = null;
    } catch (e) {
      this.error = LabError.from(e);
    }
  }

  /** Problems the lab found and worked around (damaged settings, checkpoints skipped on resume): shown in Settings and the status area. */
  get warningCount(): number {
    return (this.info?.damagedSettings?.length ?? 0) + (this.info?.skippedCheckpoints?.length ?? 0);
  }

  /** True when the lab says this part (e.g. 'runs', 'templates') is not built yet. */
  missing(part: string): boolean {
    return !!this.info?.unavailable.includes(part);
  }

  async update(patch: Partial<Settings>): Promise<void> {
    try {
      this.settings = await this.lab.invoke('settings.set', patch);
      this.error = null;
      // saving wrote good JSON over a damaged setting: ask again so its warning goes
      if (this.info?.damagedSettings?.length) this.info = await this.lab.invoke('system.info', {});
    } catch (e) {
      this.error = LabError.from(e);
    }
  }
}
