// `gatelab import FILE [--name N] [--format F] [--json] ...`: registers a data file as a dataset.
// Exit 0 on success (also when the same file was already imported: same dataset), 2 when the file or an
// option is rejected, with the reason (line, column, what was expected) on stderr, 1 when the lab failed
// (its database, its disk; exit-codes.ts).
import type { CliCommand } from '../cli';
import { stringOption, type CliArgs } from './args';
import type { ImportDatasetOptions, LabDatasets } from '../lab/datasets/index';
import { openCliDatasets } from '../lab/runs/cli-datasets';
import { ImportError } from '../lab/import/index';
import { notAppliedMessage, optionsNotApplied } from '../lab/import/reimport';
import { mayHoldSlashedDates } from '../lab/import/slashed-dates';
import { datasetJson, datasetReport } from './dataset-report';
import { importNextStep } from './import-next-step';
import { COLUMN_TYPES, type ColumnRole } from '../../common/data/roles';
import { IMPORT_COMMANDS, parseRoleAssignment, type RoleChange } from './role-assignment';
import type { ColumnType, ImportFormat, InvalidPolicy, TextEncoding } from '../../common/dataset-cache';

const FORMATS: ImportFormat[] = ['csv', 'tsv', 'jsonl', 'json', 'parquet', 'arrow', 'npy'];
const ENCODINGS: TextEncoding[] = ['utf-8', 'utf-16le', 'utf-16be', 'latin1', 'windows-1252', 'gb18030', 'shift_jis', 'euc-kr', 'big5'];
/** Other names users know the encodings by (Python's, Excel's, the W3C's): each reads as its encoding. */
const ENCODING_ALIASES: Record<string, TextEncoding> = {
  utf8: 'utf-8', 'latin-1': 'latin1', 'iso-8859-1': 'latin1', cp1252: 'windows-1252', gbk: 'gb18030', gb2312: 'gb18030', cp936: 'gb18030',
  sjis: 'shift_jis', 'shift-jis': 'shift_jis', cp932: 'shift_jis', euckr: 'euc-kr', cp949: 'euc-kr', cp950: 'big5',
};
const ENCODING_LIST = 'utf-8, utf-16le, utf-16be, latin1, windows-1252 (or cp1252), gb18030 (or gbk, gb2312), shift_jis (or sjis, cp932), euc-kr, big5';

/** --encoding by its name or an alias, any case; refused with every name it takes. */
function encodingOption(args: CliArgs): TextEncoding | undefined {
  const v = stringOption(args, 'encoding');
  if (v === undefined) return undefined;
  const key = v.toLowerCase();
  const e = ENCODINGS.find((x) => x === key) ?? ENCODING_ALIASES[key];
  if (!e) throw new UsageError(`--encoding must be one of ${ENCODING_LIST} (got '${v}')`);
  return e;
}
const POLICIES: InvalidPolicy[] = ['reject', 'drop', 'impute'];
const DATE_ORDERS = ['dmy', 'mdy', 'ymd'] as const;

import { Refusal } from '../lab/runs/refusal';
import { exitCodeOfError } from './exit-codes';
import { sayRefusal } from './json-refusal';

class UsageError extends Refusal {}

function oneOf<T extends string>(args: CliArgs, key: string, allowed: readonly T[]): T | undefined {
  const v = stringOption(args, key);
  if (v !== undefined && !allowed.includes(v as T)) throw new UsageError(`--${key} must be one of ${allowed.join(', ')} (got '${v}')`);
  return v as T | undefined;
}

/** "a=x,b=y" -> [[a, x], [b, y]] */
function pairs(args: CliArgs, key: string): Array<[string, string]> {
  const v = stringOption(args, key);
  if (!v) return [];
  return v.split(',').map((p) => {
    const i = p.lastIndexOf('=');
    if (i <= 0) throw new UsageError(`--${key} takes column=value pairs separated by commas (got '${p}')`);
    return [p.slice(0, i), p.slice(i + 1)];
  });
}

export function importOptions(args: CliArgs): ImportDatasetOptions {
  const header = stringOption(args, 'header');
  if (header !== undefined && !['yes', 'no'].includes(header)) throw new UsageError(`--header must be yes or no (got '${header}')`);
  const delimiter = stringOption(args, 'delimiter');
  const columnTypes: Record<string, ColumnType> = {};
  for (const [column, type] of pairs(args, 'types')) {
    if (!COLUMN_TYPES.includes(type as ColumnType)) throw new UsageError(`--types: '${type}' for column '${column}' is not a type (${COLUMN_TYPES.join(', ')})`);
    columnTypes[column] = type as ColumnType;
  }
  const roles: Record<string, ColumnRole | { role: ColumnRole; modality?: string }> = {};
  for (const [column, role] of pairs(args, 'roles')) {
    // the same reading (and the same advice for a slip) as `gatelab datasets roles`, in the import's own options
    let change: RoleChange;
    try { change = parseRoleAssignment(`${column}=${role}`, IMPORT_COMMANDS); } catch (e) { throw new UsageError(`--roles: ${(e as Error).message}`); }
    roles[column] = change.modality ? { role: change.role, modality: change.modality } : change.role;
  }
  // --target makes the column the dataset's target (as `train --target` does), besides reporting rows without one.
  const target = stringOption(args, 'target');
  if (target !== undefined && roles[target] === undefined) roles[target] = 'target';
  return {
    name: stringOption(args, 'name'),
    format: oneOf(args, 'format', FORMATS),
    encoding: encodingOption(args),
    // 'whitespace': runs of spaces/tabs separate the fields (aligned columns, UCI housing.data), any case
    delimiter: delimiter === 'tab' || delimiter === '\\t' ? '\t' : delimiter?.toLowerCase() === 'whitespace' ? 'whitespace' : delimiter,
    header: header === undefined ? undefined : header === 'yes',
    dateOrder: oneOf(args, 'date-order', DATE_ORDERS),
    onInvalid: oneOf(args, 'on-invalid', POLICIES),
    target,
    columnTypes: Object.keys(columnTypes).length ? columnTypes : undefined,
    roles: Object.keys(roles).length ? roles : undefined,
  };
}

export const command: CliCommand = {
  summary: 'import a data file (CSV/TSV, JSON Lines, Parquet, Arrow, .npy) as a dataset: import FILE [--name N] [--format F] [--json]',
  usage: "FILE",
  options: [
    ["--name N", "the dataset's name (default: the file name)"],
    ["--format F", "csv, tsv, jsonl (JSON Lines), json (a JSON array of records), parquet, arrow or npy (default: from the name and content)"],
    ["--encoding E", "utf-8, utf-16le, utf-16be, latin1, windows-1252 (cp1252), gb18030 (gbk), shift_jis (sjis, cp932), euc-kr or big5 (default: sniffed)"],
    ["--delimiter D", "the field separator: , ; | or tab, a few characters such as ::, or whitespace for columns aligned by runs of spaces (default: sniffed)"],
    ["--header yes|no", "whether the first row names the columns (default: sniffed)"],
    ["--date-order O", "slashed dates such as 01/07/2016: dmy (day first), mdy (month first) or ymd (default: inferred)"],
    ["--on-invalid P", "a bad row: reject (default), drop it, or impute (pad short rows)"],
    ["--types col=type,...", "force column types (int, float, categorical, boolean, datetime, text, vector)"],
    ["--roles col=role,...", "set column roles (feature, target, time, series-id, categorical, multi-hot, ignore); col=feature:group puts an input in a fusion modality group"],
    ["--target COL", "make COL the dataset's target and report rows without one"],
    ["--json", "one JSON object on stdout (for scripts)"],
  ],
  async run(args) {
    const file = args.positionals[0];
    let options: ImportDatasetOptions;
    try {
      if (!file || args.positionals.length > 1) throw new UsageError('usage: gatelab import FILE [--name N] [--format csv|tsv|jsonl|json|parquet|arrow|npy] [--encoding E] [--delimiter D] [--header yes|no] [--date-order dmy|mdy|ymd] [--on-invalid reject|drop|impute] [--types col=type,...] [--roles col=role,...] [--json] [--home DIR]');
      options = importOptions(args);
    } catch (e) {
      sayRefusal('import', command, args, (e as Error).message);
      return exitCodeOfError(e);
    }
    const json = args.options.json === true;
    let lab: LabDatasets;
    try {
      // a new lab gets its demos first, as the app, serve, train and sweep do: they are datasets 1-3 whichever
      // of these comes first, so the user's first import is dataset 4 (README, Demo datasets)
      lab = await openCliDatasets(stringOption(args, 'home'));
    } catch (e) {
      // a lab home that cannot be made or a database that cannot be opened: the lab failed (1), said in a line
      sayRefusal('import', command, args, (e as Error).message);
      return exitCodeOfError(e);
    }
    if (lab.notice) console.error(`gatelab import: ${lab.notice}`);
    const tty = process.stderr.isTTY && !json;
    try {
      const { dataset, created, repaired, nameNote } = await lab.registry.importDataset(file, {
        ...options,
        onProgress: tty
          ? (p) => process.stderr.write(`\r${p.phase} ${p.totalBytes ? Math.floor((100 * p.bytes) / p.totalBytes) : 0}% ${p.rows ? `${p.rows.toLocaleString('en-US')} rows` : ''}   `)
          : undefined,
      });
      if (tty) process.stderr.write('\r\x1b[K');
      // the same bytes again: the existing dataset, so say which of this run's options were not applied
      // (--date-order on a file without slashed dates, ISO ones say, changes nothing: not worth a word)
      const slashedDates = !created && options.dateOrder !== undefined ? await mayHoldSlashedDates(file, dataset) : true;
      const notApplied = created ? [] : optionsNotApplied(options, dataset, { slashedDates });
      if (json) console.log(JSON.stringify(datasetJson(dataset, { created, ...(repaired ? { repaired } : {}), ...(nameNote ? { nameNote } : {}), ...(notApplied.length ? { optionsNotApplied: notApplied } : {}) })));
      else {
        const headline = created
          ? `Imported dataset ${dataset.id} '${dataset.name}'`
          : repaired ? `Repaired: ${repaired}`
          : `Already imported: dataset ${dataset.id} '${dataset.name}' has the same content (sha256 ${dataset.sourceHash.slice(0, 12)}...)`;
        console.log(datasetReport(dataset, headline));
        if (created) console.log(importNextStep(dataset.id, dataset.columns));
      }
      if (nameNote) console.error(`gatelab import: ${nameNote}`);
      if (notApplied.length) {
        const runsUsing = lab.store.runs.list().filter((r) => r.datasetId === dataset.id).length;
        console.error(`gatelab import: ${notAppliedMessage(dataset, notApplied, runsUsing)}`);
      }
      return 0;
    } catch (e) {
      if (tty) process.stderr.write('\r\x1b[K');
      if (e instanceof ImportError) {
        // only a refusal that offers onInvalid gets its flags (a header unlike its data lines is fixed in the file)
        const hint = ['ragged_row', 'unparsable'].includes(e.code) && e.message.includes('onInvalid') ? ' (on the command line: --on-invalid drop or --on-invalid impute)' : '';
        sayRefusal('import', command, args, `${exitCodeOfError(e) === 2 ? 'rejected ' : ''}${e.message}${hint}`);
        return exitCodeOfError(e);
      }
      sayRefusal('import', command, args, (e as Error).message);
      return exitCodeOfError(e); // a RoleError (a role for a column the file lacks) is a refusal: 2
    } finally {
      lab.close();
    }
  },
};
