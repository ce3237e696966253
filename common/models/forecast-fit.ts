// A forecasting run on a table of samples rather than a series (a click log, reviews): refused with what
// forecasting needs and the template family that fits the file instead (./binding.ts defaultBinding when
// no column is a number; main/lab/runs/data-guard.ts when there is no time column and the label is no number).
import type { ColumnTypeName } from '../data';
import { shellWord } from '../text/shell-word';
import { CODED, NUMERIC, timeColumnOf } from './column-kinds';
import { LABEL_NAMES, likelyTarget } from './likely-target';

/**
 * A forecasting template on a file that is no series: no time column (none with the role time, no datetime
 * column), and a target that is not a number: the column with the role target, or else one named as a label
 * (clicked, label, rating...: LABEL_NAMES). A click log (user, item, category, price, clicked) read in file
 * order would train and score its numbers as a series (a test mse on `price`) while the column the user means
 * to predict is dropped, so a new run is refused: the message says what forecasting needs, which family fits
 * the file, and how to forecast its numbers in file order anyway (the other columns set to ignore). A file of
 * numbers with categorical columns but no such label (load, temp, weekday) still trains in file order, its
 * categorical columns not forecast (its data line says both). Null when the columns can be forecast.
 * `template`: a forecasting template's id; `dataset`: its name, and its id for the command (ID without one).
 */
export function forecastingFitProblem(template: string, columns: ReadonlyArray<{ name: string; type: string; role: string }>, dataset: { id?: number; name: string }): string | null {
  const used = columns.filter((c) => c.role !== 'ignore');
  if (timeColumnOf(used)) return null;
  const chosen = used.find((c) => c.role === 'target');
  const label = chosen ?? used.find((c) => c.role !== 'series-id' && LABEL_NAMES.test(c.name.trim()));
  if (!label || NUMERIC.has(label.type as ColumnTypeName)) return null;
  const list = (cs: ReadonlyArray<{ name: string }>) => cs.slice(0, 6).map((c) => c.name).join(', ') + (cs.length > 6 ? `, … (${cs.length})` : '');
  const samples = used.filter((c) => c !== label && c.role !== 'series-id' && CODED.has(c.type));
  const coded = samples.filter((c) => c.type === 'categorical');
  const text = samples.filter((c) => c.type === 'text');
  const why = [
    ...(coded.length ? [`${list(coded)} ${coded.length > 1 ? 'are' : 'is'} categorical`] : []),
    ...(text.length ? [`${list(text)} ${text.length > 1 ? 'are' : 'is'} text`] : []),
    chosen ? `its target '${label.name}' (${label.type}) is not a numeric channel` : `'${label.name}' (${label.type}), named as a label, is not a numeric channel`,
  ].join(', and ');
  const channels = used.filter((c) => NUMERIC.has(c.type as ColumnTypeName) && c.role !== 'time' && c.role !== 'series-id');
  const asSeries = channels.length ? `; read in file order, ${list(channels)} would be forecast as if its rows were time steps` : '';
  const fits = templateThatFits(label, coded.length, text.length);
  // the route a series kept in file order takes: the label and the coded columns left out, the numbers forecast
  const ignored = [label, ...samples].map((c) => shellWord(`${c.name}=ignore`)).join(' ');
  const ignore = channels.length ? `. If its rows are time steps in file order, forecast its numbers alone: gatelab datasets roles ${dataset.id ?? 'ID'} ${ignored}` : '';
  return `template ${template} forecasts a series, and '${dataset.name}' has no time column (no date or time column, none with the role time) while ${why}: ` +
    `forecasting needs a time column and numeric channels measured at each step${asSeries}. ${fits}${ignore}`;
}

/**
 * The family a table of samples fits, as a forecasting refusal says it: categorical fields and a label are a
 * click log (CTR: deepfm); text, or a label over numbers only, a fusion classifier (concat-fusion).
 */
function templateThatFits(label: { name: string }, coded: number, text: number): string {
  const [kind, example, family] = coded && !text ? ['a recommendation (CTR)', 'deepfm', 'recsys'] : ['a fusion', 'concat-fusion', 'fusion'];
  return `Its columns fit ${kind} template, such as ${example} with the target '${label.name}' ` +
    `(--template ${example} --target ${shellWord(label.name)}; gatelab templates lists the ${family} templates)`;
}

/**
 * A forecasting run with no channel: every column is a category, text or a label (a click log: user, item,
 * clicked). Names the family that fits when a column looks like the label (the target role, else
 * likelyTarget: 'clicked', a 0/1 column), as `gatelab import`'s Next line suggests it.
 */
export function noChannelsToForecast(used: ReadonlyArray<{ name: string; type: string; role: string }>, twoValued?: ReadonlySet<string>): string {
  const said = 'no numeric columns to forecast; check the column types (gatelab datasets show ID)';
  const label = used.find((c) => c.role === 'target') ?? likelyTarget(used, twoValued);
  const samples = used.filter((c) => c !== label && CODED.has(c.type));
  if (!label || !samples.length) return said;
  return `${said}. ${templateThatFits(label, samples.filter((c) => c.type === 'categorical').length, samples.filter((c) => c.type === 'text').length)}`;
}
