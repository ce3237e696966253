// Why a dataset with no time column and a label cannot feed a forecaster, in the app's words. The lab refuses
// such a run at Start (common/models/binding.ts forecastingFitProblem: a review file or a click log read in
// file order would forecast its numbers and drop the label); the form asked first, so Start was on, the
// Forecasting tab showed "336 steps × 2 variables", and the refusal came back in command-line words
// (--template concat-fusion --target …). The same rule decides here, so the tab says it before Start.
import { type ColumnDescription } from '../../common/models/binding';
import { forecastingFitProblem } from '../../common/models/forecast-fit';

/** Null when the lab would forecast these columns; else what is missing and where to go instead. */
export function notASeries(columns: readonly ColumnDescription[], datasetName: string): string | null {
  if (!forecastingFitProblem('forecast', columns, { name: datasetName })) return null;
  const used = columns.filter((c) => c.role !== 'ignore');
  const target = used.find((c) => c.role === 'target');
  const hasCodes = used.some((c) => c !== target && c.type === 'categorical');
  const hasText = used.some((c) => c !== target && c.type === 'text');
  const label = target ? `its target '${target.name}' (${target.type}) is a label, not a number measured at each step` : 'it has a label column, not a number measured at each step';
  const elsewhere = hasCodes && !hasText ? 'Recommendation / CTR (or Multimodal fusion)' : 'Multimodal fusion';
  return `it needs a time column (a date or time, or a column with the role "time"), and ${label}. ` +
    `To predict the label, use ${elsewhere}; to forecast its numbers in file order, set the other columns' role to "ignore" in Datasets → Schema`;
}
