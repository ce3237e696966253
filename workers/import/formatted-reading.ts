// Which later number readings a plan is read without (FormattedReading: a dataset imported before them,
// parse-rules.ts withLaterRules). A plan made anew from another (a text column found to hold decimal-comma or
// formatted numbers) must carry them on, or an old dataset's later cells would read as they never did.
import type { FormattedReading } from './formatted-number';

/** The FormattedReading flags `plan` carries, and only those. */
export function laterReadingsOf(plan: FormattedReading): FormattedReading {
  return {
    ...(plan.noOtherThousands ? { noOtherThousands: true } : {}),
    ...(plan.noAccountingNegatives ? { noAccountingNegatives: true } : {}),
    ...(plan.noUnicodeMinus ? { noUnicodeMinus: true } : {}),
    ...(plan.noDashRuns ? { noDashRuns: true } : {}),
    ...(plan.noPandasMissingCells ? { noPandasMissingCells: true } : {}),
  };
}
