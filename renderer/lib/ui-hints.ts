// The lab's messages tell CLI users what to type ("Resume it: gatelab resume 5", "gatelab datasets
// roles ID <column>=target"); the lab keeps them (the CLI needs them), and the UI rewrites the hints it
// knows into the UI action that does the same (the Resume button, Datasets → Schema). Unknown text is
// left as it is. The commonest hints (resume, cancel, delete, `runs`/`datasets` lists, `datasets show`,
// `templates`) are worded once, by inAppWords (user-errors.ts), which uiHint applies first; this file
// words the rest (dataset roles, Training fields, the label rule), so no hint has two app wordings.
// `--set` advice with a value ("--set model.horizon=60") is said with the form's labels by inAppWords
// ("set Horizon to 60"), also for text that never passed through a lab error (a run's stored error in
// Runs); advice with a placeholder ("--set embeddingDim=...") is worded here.

import { formFieldLabel, inAppWords } from './user-errors';
import { readShellWord, SHELL_WORD } from '../../common/text/shell-word';
import { readModalityAssignment } from '../../common/models/modality-assignment';

const SCHEMA = 'Datasets → Schema';
/** Where the Training settings are (a failed run's settings come back there with "New run from this"). */
const TRAINING = 'Models → Training';
/** The target's label rule, as Datasets' Target box names it. */
const RULE = `the target's "binary label: value ≥ t" rule in Datasets`;

const HINTS: [RegExp, string | ((match: string, ...groups: string[]) => string)][] = [
  // a class missing from a part (workers/run/part-classes.ts): the split command and the three ways to name
  // its id (CLI, experiment file, app) become the app's own steps, the shares the lab chose kept
  [new RegExp(String.raw`gatelab datasets split \S+ --kind stratified --column (${SHELL_WORD})(?: --ratios ([\d.,]+))?, then run with its id as data\.splitId \(gatelab train: [^()]*\)`, 'g'),
    (_: string, column: string, ratios?: string) =>
      `in Datasets → Splits, a new split of kind Stratified on '${readShellWord(column)}'${ratios ? ` with ratios ${ratios.split(',').join(' / ')}` : ''}, then pick it in Models → Split`],
  // a CTR run's integer codes read as numbers (common/models/binding.ts): one command for the first column and
  // one for all of them, which the general rule below made "(set roles in …; if all are codes: set roles in …)"
  [/\(gatelab datasets roles \S+ (?:'[^']*=categorical'|[^\s;()']+=categorical)(?:; if all are codes: gatelab datasets roles \S+(?: (?:'[^']*=categorical'|[^\s;()']+=categorical))+)?\)/g,
    `(in ${SCHEMA}: that column's Role → categorical)`],
  // (before the general role hint below, which reads as an order, not after "leave … out with")
  [/leave (columns|a field) out with gatelab datasets roles ID <column>=ignore/g, `leave $1 out with the role "ignore" in ${SCHEMA}`],
  // (the CLI's Ctrl-C / SIGTERM notice, main/lab/runs/cli-session.ts: the one resume hint inAppWords does not know;
  // its run is "RUN)" or "5)" there, and the closing parenthesis is the message's)
  [/resume with gatelab resume [^\s)]+/g, 'resume with the Resume button'],
  [/gatelab datasets roles \S+ <column>=target/g, `set a target in ${SCHEMA} (role "target")`],
  [/gatelab datasets roles \S+ <column>=categorical/g, `mark its categorical columns in ${SCHEMA} (role "categorical")`],
  [/gatelab datasets roles \S+ <column>=feature:<modality>/g, `give column groups a modality in ${SCHEMA}`],
  [/gatelab datasets roles \S+ (?:'[^']*'|<column>)=ignore/g, `set that column's role to "ignore" in ${SCHEMA}`],
  // a one-modality gated fusion's example on the user's columns (main/lab/runs/second-modality-example.ts)
  // (read back by the rule that wrote it, common/models/modality-assignment.ts: 'Review Text' keeps its space)
  [new RegExp(String.raw`gatelab datasets roles \S+ (${SHELL_WORD})`, 'g'), (match: string, word: string) => {
    const a = readModalityAssignment(word);
    return a ? `give '${a.column}' the Modality '${a.group}' in ${SCHEMA}` : match;
  }],
  // any other roles command, its quoted words whole (a space inside one is not the end of the command)
  [new RegExp(String.raw`gatelab datasets roles \S+ ${SHELL_WORD}(?: ${SHELL_WORD})*`, 'g'), `set roles in ${SCHEMA}`],
  // A column's type (workers/import/infer.ts: "set its type to int if they are quantities (gatelab datasets
  // types ID campaign=int)"): the Type pill of that column in Schema does the same.
  [new RegExp(String.raw`\(gatelab datasets types \S+ (${SHELL_WORD}(?: ${SHELL_WORD})*)\)`, 'g'), (match: string, words: string) => {
    const changes = words.match(new RegExp(SHELL_WORD, 'g'))!.map((w) => readShellWord(w).match(/^(.+)=(\w+)$/));
    if (changes.some((c) => !c)) return match;
    return `(in ${SCHEMA}: ${changes.map((c) => `the Type of '${c![1]}' → ${c![2]}`).join(', ')})`;
  }],
  // The header guess (workers/import/header.ts): the app's import has no --header option; a file whose first
  // row is data can say so with a line of names above it.
  [/; import with --header no to change/g, '; if row 1 is data, add a line of column names above it in the file and import it again'],
  [/; import with --header yes to change/g, '; if row 1 holds the column names, import the file with the command line\'s --header yes'],
  // A run whose dataset was deleted (workers/run/data-for.ts): what stays, and what a demo cannot do.
  [/\(it was deleted\): import the file again and train a new run on it/g, '(it was deleted): its results, curves and export stay, but this needs the data. Import the file again in Datasets and train a new run on it (Runs → New run from this); a deleted demo dataset is not re-created'],
  // Run config keys are the CLI's words (--set optimizer.lr=…): named by the labels the Training form shows
  // ("Optimizer learning rate"), so the words a hint gives are the words to look for in the form.
  [/lower optimizer\.lr, add a warmup or set optimizer\.clipNorm/g, () => `in ${TRAINING}, lower ${formFieldLabel('optimizer.lr')}, add ${formFieldLabel('schedule.warmupSteps')} or set ${formFieldLabel('optimizer.clipNorm')}`],
  [/\b(optimizer\.lr|optimizer\.clipNorm|schedule\.warmupSteps)\b/g, (_, key: string) => `${formFieldLabel(key)} (${TRAINING})`],
  // The label rule: `--set positiveAtLeast=T` is the CLI's way to what Datasets' Target box does.
  [/\(`--set positiveAtLeast=T`, or in the app the target's "label = value ≥ t" rule\)/g, `(${RULE})`],
  [/with `--set positiveAtLeast=T` \(label = value ≥ T; in the app, the target's "label = value ≥ t" rule\)/g, `(${RULE})`],
  [/with `--set positiveAtLeast=T` \(label = value ≥ T\)/g, `(${RULE})`],
  // (common/models/target.ts IMPLICIT_FEEDBACK_HINT: a CTR model on an interaction log)
  [/a rating with a threshold \(--set positiveAtLeast=\d+(?:\.\d+)?\)/g, `a rating with a threshold (${RULE})`],
  [/Remove the rule \(--set positiveAtLeast is for numbers\)/g, 'Remove the rule in Datasets (it is for numbers)'],
  // a regression's data line and the data checks offer the rule as the other reading of a number
  // (common/models/regression-target.ts describeRegression, target.ts, main/lab/runs/data-guard.ts): the app has
  // no "positiveAtLeast" field, Datasets' Target box sets it
  [/set --set positiveAtLeast=T for a yes\/no label \(value ≥ T\)/g, `use ${RULE} for a yes/no label`],
  [/--set positiveAtLeast=T for (a binary label|a yes\/no label) \(value ≥ T\)/g, `${RULE} for $1`],
  // ("use set Task to classification", inAppWords' form words after the note's "use --set task=…")
  [/\buse set Task to classification to treat its values as classes, or the target's/g, `set Task to classification to treat its values as classes, or use the target's`],
  [/`?--set positiveAtLeast=T`?/g, RULE],
  [/ \(e\.g\. --template concat-fusion\)/g, ' (e.g. concat-fusion)'],
  // a dataset that cannot feed forecasting names the family it fits (common/models/binding.ts): its tab in Models
  [/\(--template (\S+) --target (?:'[^']*'|\S+); gatelab templates lists the (recsys|fusion) templates\)/g,
    (_, template: string, family: string) => `(in Models: the ${family === 'recsys' ? 'Recommendation / CTR' : 'Multimodal fusion'} tab, template ${template})`],
  // Size advice names template fields by their form labels ("--set embeddingDim=..., now 64" → "Embedding
  // width, now 64"); "fewer text buckets" says the label already.
  [/ \(--set textBuckets=\.\.\.\)/g, ''],
  [/--set ([A-Za-z][\w.]*)=\.\.\.(?=[,)])/g, (_, key) => formFieldLabel(key)],
  // the data line's note on a capped categorical (common/models/usable-columns.ts)
  [/--set ([A-Za-z][\w.]*)=N changes the cap/g, (_, key) => `${formFieldLabel(key)} in Models changes the cap`],
];

export function uiHint(message: string): string {
  // no "splits.create: " channel prefix (the lab's method name, not the user's words); `--set` in form labels
  // advice given both ways by the lab ("(in the app: X; on the command line: Y)"): the app's half only
  let s = inAppWords(message.replace(/\(in the app: ([^;()]+); on the command line: [^()]+\)/g, '($1)'));
  for (const [re, to] of HINTS) s = typeof to === 'string' ? s.replace(re, to) : s.replace(re, to);
  return s;
}

/**
 * An import error as the Datasets page says it. The importer's advice names its CLI option ("import with
 * onInvalid 'drop' (or 'impute' …)"); beside the *Drop bad rows* / *Pad short rows* buttons (`buttons`)
 * it names those. An unclosed quote is not a bad row that dropping skips: the rest of the file reads as
 * one field, so the message says that, and what to fix in the file and where when the importer's words do
 * not (a row too long to read names only its line).
 */
export function importHint(message: string, buttons: boolean): string {
  let s = uiHint(message);
  const drop = buttons ? 'use Drop bad rows below' : `re-import with bad rows dropped`;
  const pad = buttons ? 'Pad short rows' : 'short rows padded';
  s = s
    .replace(/Fix the row, or import with onInvalid 'drop' \(or 'impute' to pad short rows\)/g, `Fix the row in the file, or ${drop} (or ${pad}, to give short rows missing values)`)
    .replace(/Fix the line, or import with onInvalid 'drop'/g, `Fix the line in the file, or ${drop}`)
    .replace(/Import with onInvalid 'drop' to drop such rows or 'impute' to ignore the field/g, buttons ? 'Use Drop bad rows below to drop such rows, or Pad short rows to ignore the field' : 'Re-import with bad rows dropped, or with short rows padded to ignore the field')
    .replace(/or import with onInvalid 'drop' or 'impute'/g, buttons ? 'or use Drop bad rows (or Pad short rows, to make it a missing value) below' : 'or re-import with bad rows dropped or padded')
    // a one-line file (workers/import/delimited.ts): the app has no --header option, the file can say it
    .replace(/ \(if that line is data, import with --header no\)/g, ' (if that line is data, add a line of column names above it in the file and import it again)');
  const quote = /line (\d+): (?:the quote \("\) opening field (\d+) is never closed before the end of the file|one row is longer than \d+ MB; most likely a quote \("\) opened on that line is never closed)/.exec(message);
  if (quote) {
    const cannotHelp = 'Dropping or padding rows cannot help: from that quote on, the rest of the file reads as one field.';
    // the importer's unclosed-quote message says where and how to fix it already ("Close the quote where
    // the value ends, or remove it …"): saying it again in other words reads as a second problem
    if (/Close the quote/.test(message)) return `${s}. ${cannotHelp}`;
    const field = quote[2] ? `, field ${quote[2]}` : '';
    s += `. Fix it in the file: a quote opened on line ${quote[1]}${field} is never closed. Close it there, or write a quote inside text as two (""). ${cannotHelp}`;
  }
  return s;
}
