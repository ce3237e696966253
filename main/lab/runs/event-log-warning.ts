// A forecasting template on a ratings or click log (customer_id, product_id, stars, ts, category, customer_age,
// price) trains: the time column and the numbers make a series of it, and the run "forecasts" stars, ages and
// prices in file order, each rating a time step. That may be meant (a user trying a template out), so it is
// warned of, not refused, before the run is queued (data-guard.ts adds it to the data checks' warnings:
// `gatelab train` prints it on stderr, the app's Start shows it): the data looks like an event log by the
// rule `gatelab import` read it by (common/models/event-log.ts), and the warning names the run it suggested.
import { NUMERIC } from '../../../common/models/column-kinds';
import { eventLogLabel, suggestedRating } from '../../../common/models/event-log';
import { storedStats } from '../../../common/data/stored-stats';
import { shellWord } from '../../../common/text/shell-word';
import type { ColumnTypeName } from '../../../common/data';

interface RunColumn { name: string; type: string; role: string }
interface StoredColumn { name: string; stats?: unknown }

const list = (names: string[]) => (names.length > 6 ? `${names.slice(0, 6).join(', ')}, … (${names.length})` : names.join(', '));

/**
 * "warning: 'ratings' looks like an event log …" for forecasting `template` on a dataset whose run columns
 * (`columns`: names, types, roles as the run reads them) and stored statistics (`stored`: the import's, for
 * the ids' counts and a rating's scale) read as a log; null when they read as a series.
 */
export function eventLogWarning(template: string, columns: readonly RunColumn[], stored: readonly StoredColumn[], dataset: { id: number; name: string }): string | null {
  const stats = new Map(stored.map((c) => [c.name, c.stats]));
  const used = columns.filter((c) => c.role !== 'ignore').map((c) => ({ ...c, stats: stats.get(c.name) }));
  // a target set by the user says what the run is for; the family's own checks judge it
  if (used.some((c) => c.role === 'target')) return null;
  const label = eventLogLabel(used.map((c) => ({ name: c.name, type: c.type, cardinality: storedStats(c.stats).cardinality })));
  if (!label) return null;
  const channels = used.filter((c) => NUMERIC.has(c.type as ColumnTypeName) && c.role !== 'time' && c.role !== 'series-id').map((c) => c.name);
  const rating = suggestedRating(label.name, used);
  const command = `gatelab train --dataset ${dataset.id} --template deepfm --target ${shellWord(label.name)}${rating ? ` --set positiveAtLeast=${rating.atLeast}` : ''}`;
  return `warning: '${dataset.name}' looks like an event log (many user and item ids and a label, '${label.name}'), not a series: ` +
    `${template} forecasts ${list(channels)} in file order, as if each row were a time step. ` +
    `gatelab import suggests a recommendation (CTR) model on '${label.name}' instead: ${command}. The run trains anyway`;
}
