// Date-times followed by a time-zone name ('2021-03-28 03:00 CEST', BigQuery's '2021-03-28 01:00:00 UTC',
// Python's strftime('%Y-%m-%d %H:%M %Z')) are no form the importer reads, so such a column stays text: a
// weather or meter log then has no time column, and the import's next step offers a text model for it. The
// import cannot read the names itself without a reading rule of its own (CST and IST mean several zones), but
// it can say what the column is and how to write the zones as the UTC offsets it reads, for the names whose
// offset is certain.
import { parseDatetime, type DateFormat } from './datetime';
import type { Validation } from './validation';
import { pyString } from '../../common/text/python-string';

/** A date-time, one space, then a zone name of 2 to 5 capital letters or 'UTC+1', 'GMT-05:00': the name is group 2. */
const WITH_ZONE_NAME = /^(.*\d)\s+([A-Z]{2,5}|(?:UTC|GMT)[+-]\d{1,2}(?::?\d{2})?)$/;
/** The forms a date with a time may take before the zone (datetime.ts reads each of them alone). */
const DATE_FORMATS: DateFormat[] = ['iso', 'ymd-slash', 'dmy-mon', 'mdy', 'dmy'];
/** Share of the distinct values that must be date-times with a zone name. */
const ZONE_SHARE = 0.95;

/**
 * Zone names with one meaning and their UTC offsets, as the importer reads them after a time ('+01:00').
 * Names used for several zones (CST: US Central or China; IST: India, Ireland or Israel; BST) are left out,
 * as are 'UTC+1' and 'GMT+1' (POSIX's Etc/GMT+1 is UTC−1): the message asks for their offset, never guesses.
 */
const ZONE_OFFSETS: Readonly<Record<string, string>> = {
  UTC: '+00:00', GMT: '+00:00', WET: '+00:00', WEST: '+01:00', CET: '+01:00', CEST: '+02:00', EET: '+02:00', EEST: '+03:00',
  MSK: '+03:00', EST: '-05:00', EDT: '-04:00', CDT: '-05:00', MST: '-07:00', MDT: '-06:00', PST: '-08:00', PDT: '-07:00',
  AKST: '-09:00', AKDT: '-08:00', HST: '-10:00', JST: '+09:00', KST: '+09:00', AEST: '+10:00', AEDT: '+11:00',
};

/** The zone name of `value` when the rest of it is a date with a time; null otherwise. */
function zoneNameOf(value: string): string | null {
  const m = WITH_ZONE_NAME.exec(value.trim());
  // '1:05 PM' is the 12-hour clock, not a zone (text-column-hints.ts has its own hint for such a column)
  if (!m || !m[1].includes(':') || m[2] === 'AM' || m[2] === 'PM') return null;
  return DATE_FORMATS.some((f) => !Number.isNaN(parseDatetime(m[1], f))) ? m[2] : null;
}

/**
 * A warning on text column `name` whose distinct `values` (missing cells left out) are date-times followed by
 * a zone name, saying how to rewrite them (`count`: the column's filled cells). Returns whether it warned.
 */
export function zoneNameHint(name: string, values: readonly string[], count: number, v: Validation): boolean {
  const zones = new Map<string, string>(); // zone name -> an example value
  let matched = 0;
  for (const value of values) {
    const zone = zoneNameOf(value);
    if (zone === null) continue;
    matched++;
    if (!zones.has(zone)) zones.set(zone, value.trim());
  }
  if (matched === 0 || matched < ZONE_SHARE * values.length) return false;
  const names = [...zones.keys()];
  const example = zones.values().next().value!;
  const known = names.filter((z) => ZONE_OFFSETS[z] !== undefined);
  const unknown = names.filter((z) => ZONE_OFFSETS[z] === undefined);
  // one pandas call that writes every known name as its offset: ' CEST' at the end becomes '+02:00'
  const replace = `{${known.map((z) => `r' ${z}$': '${ZONE_OFFSETS[z]}'`).join(', ')}}`;
  const column = `df[${pyString(name)}]`;
  const fix = known.length === 0
    ? `Write each zone name as the UTC offset it stands for (e.g. '2021-03-28 03:00+02:00') and import the file again`
    : `Write each zone name as its UTC offset and import the file again, e.g. pandas: ${column} = ${column}.replace(${replace}, regex=True)`
      + (unknown.length ? `; for ${unknown.map((z) => `'${z}'`).join(', ')} write the offset you mean` : '');
  const guess = unknown.length ? ' (the importer guesses none: CST is US Central or China time, and POSIX reads GMT+1 as UTC−1)' : '';
  v.warn(name, count, `column '${name}' holds date-times followed by a time-zone name (such as '${example.slice(0, 40)}'; ${names.length === 1 ? 'zone' : 'zones'} ${names.join(', ')}), `
    + `which the importer does not read as times, so it is text and forecasting cannot use it as its time column. ${fix}${guess}: times with an offset are read, converted to UTC`, 'zone-names');
  return true;
}
