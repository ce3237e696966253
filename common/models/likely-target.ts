// Which column a user most likely means as the label when none has the role target: what `gatelab import`'s
// "Next" line suggests (main/cli/import-next-step.ts) and what a target-less run's refusal names
// (binding.ts defaultBinding). A guess, said as one by both: the user confirms it with --target.
import { storedStats } from '../data/stored-stats';

/**
 * Names a label goes by. A loan file's `loan_status` ("Fully Paid"/"Charged Off"), `bad_loan` or `is_default`
 * is the column a credit-risk user means, and was guessed as nothing; `status` alone is as often a label.
 */
export const LABEL_NAMES = /^(labels?|target|y|class|clicks?|clicked|is_?click(ed)?|liked?|purchased?|converted|churn(ed)?|survived|(is_?)?fraud(ulent)?|spam|sentiment|outcome|rating|overall|stars|recommended.*|exited|(is_?)?default(ed)?|attrition|(loan_?)?status|bad_?loan)$/i;
/** A name that is as often a feature's (a shop's 'category'): guessed only when nothing else looks like a label. */
const FEATURE_OR_LABEL_NAMES = /^(category)$/i;

/**
 * The categorical columns of exactly two values by the import's stored stats (`cardinality`): a label
 * written in words ("Fully Paid"/"Charged Off") is no boolean, yet as two-valued as one. Columns without
 * stats (a run's column snapshot) are not counted.
 */
export function twoValuedCategoricals(columns: ReadonlyArray<{ name: string; type: string; stats?: unknown }>): Set<string> {
  return new Set(columns.filter((c) => c.type === 'categorical' && storedStats(c.stats).cardinality === 2).map((c) => c.name));
}

/**
 * The column a user most likely means as the label when none has the role target: a label's name (clicked,
 * label, y, rating, fraudulent, loan_status...) first, then a two-valued column (a boolean, or a categorical
 * column in `twoValued`: see twoValuedCategoricals), and only then a name that is as often a feature's (a
 * shop's 'category'). Among two-valued columns the last one: a file with a header writes its label last far
 * more often than first (a job-postings file's has_company_logo, telecommuting, ..., fraudulent), while a
 * headerless file (column_1...) writes it first (Criteo, LIBSVM-style dumps). Undefined when nothing looks like one.
 */
export function likelyTarget<C extends { name: string; type: string }>(used: readonly C[], twoValued: ReadonlySet<string> = new Set()): C | undefined {
  const named = (rule: RegExp) => used.find((c) => rule.test(c.name.trim()));
  const pairs = used.filter((c) => c.type === 'boolean' || (c.type === 'categorical' && twoValued.has(c.name)));
  const headerless = pairs.length > 0 && pairs.every((c) => /^column_\d+$/.test(c.name));
  return named(LABEL_NAMES) ?? (headerless ? pairs[0] : pairs[pairs.length - 1]) ?? named(FEATURE_OR_LABEL_NAMES);
}
