// What a file's own cells say about its decimal mark, and the plans and warnings built on it: '10,5' in one
// column proves decimal commas for the file, so '4,935' in another is 4.935 and a ';' file's '2.219' is
// 2219; '4,935' and '2.219' alone prove nothing; a file that writes '7.4' keeps '.' as its decimal point.
import { describe, expect, it } from 'vitest';
import type { ColumnPlan } from './column-writer';
import { fileNumberEvidence, withDecimalComma } from './decimal-comma';
import { COMMA_AMBIGUOUS, COMMA_DECIMAL, DotReadings, commaFromFileMessage, commaUnprovenMessage, dotRoleOf, withDotReading } from './dot-reading';
import { withFormattedNumbers } from './formatted-number';

const text = (name: string): ColumnPlan => ({ name, kind: 'string', dtype: 'int32' });
const number = (name: string): ColumnPlan => ({ name, kind: 'number', dtype: 'float32' });
const columns = (names: string[], ...rows: string[][]) => fileNumberEvidence(names, rows);

describe("a file's decimal mark, from its sampled cells", () => {
  it("is proved by a decimal comma no thousands reading fits ('10,5', '0,867', '1.234,5'), not by '4,935'", () => {
    const de = columns(['Datum', 'Messwert', 'Temperatur'], ['01.01.2023 00:00', '4,935', '10,0'], ['01.01.2023 01:00', '5,012', '10,5']);
    expect(de).toEqual({ decimalComma: { column: 'Temperatur', value: '10,0' }, decimalPoint: null });
    expect(columns(['a'], ['0,867']).decimalComma).toEqual({ column: 'a', value: '0,867' });
    expect(columns(['a'], ['1.234,5 €']).decimalComma).toEqual({ column: 'a', value: '1.234,5 €' });
    // one group of three reads either way; dates, whole numbers and percentages say nothing
    expect(columns(['a', 'b', 'c', 'd'], ['4,935', '2.219', '01.01.2022', '14 %'])).toEqual({ decimalComma: null, decimalPoint: null });
  });

  it("is a decimal point in a file that writes '7.4' or '1,234.5', whatever its delimiter", () => {
    const wine = columns(['fixed_acidity', 'volatile_acidity', 'chlorides'], ['7.4', '0.70', '1.076']);
    expect(wine).toEqual({ decimalComma: null, decimalPoint: { column: 'fixed_acidity', value: '7.4' } });
    expect(columns(['a'], ['1,234.5']).decimalPoint).toEqual({ column: 'a', value: '1,234.5' });
    expect(columns(['a'], ['1.5e-3']).decimalPoint).toEqual({ column: 'a', value: '1.5e-3' });
  });
});

describe('a tab-separated file that proves decimal commas', () => {
  const file = columns(['Messwert', 'Temperatur'], ['4,935', '10,5']);

  it("reads a column of '10,5' and one of '4,935' as decimal-comma numbers, the second knowing why", () => {
    expect(withDecimalComma(text('Temperatur'), ['10,5', '10,0'], '\t', file)).toMatchObject({ kind: 'number', decimalComma: true, commaFromFile: true });
    expect(withDecimalComma(text('Messwert'), ['4,935', '5,012'], '\t', file)).toEqual({
      name: 'Messwert', kind: 'number', dtype: 'float32', decimalComma: true,
      fileDecimalComma: { column: 'Temperatur', value: '10,5' }, commaFromFile: true,
    });
  });

  it("leaves them alone without the proof, or in a file that also writes '7.4' (as before)", () => {
    expect(withDecimalComma(text('Temperatur'), ['10,5'], '\t')).toEqual(text('Temperatur'));
    const mixed = columns(['a', 'b'], ['10,5', '7.4']);
    expect(withDecimalComma(text('a'), ['10,5'], '\t', mixed)).toEqual(text('a'));
    // a ',' file never reads decimal commas unquoted, whatever its cells
    expect(withDecimalComma(text('a'), ['4,935'], ',', file)).toEqual(text('a'));
  });

  it("tries the European form of formatted numbers first ('4,935 €' is 4.935)", () => {
    expect(withFormattedNumbers(text('Preis'), ['4,935 €', '1.250,00 €'], '\t', file)).toMatchObject({ kind: 'number', formatted: { decimalComma: true } });
    // without proof the English form comes first, and the plan asks the column's cells to confirm it
    expect(withFormattedNumbers(text('Menge'), ['4,935', '1,200'], '\t')).toEqual({ name: 'Menge', kind: 'number', dtype: 'float32', formatted: { decimalComma: false }, commaUnproven: true });
    expect(withFormattedNumbers(text('Menge'), ['4,935', '1,200'], ',')).toEqual({ name: 'Menge', kind: 'number', dtype: 'float32', formatted: { decimalComma: false } });
  });
});

describe("'2.219' in a ';' file", () => {
  const sales = columns(['Datum', 'Umsatz', 'Preis', 'Kunden'], ['01.01.2022', '2.219', '9,37', '221'], ['02.01.2022', '543', '9,41', '54']);

  it('is a thousands group when another column writes decimal commas', () => {
    const plan = withDecimalComma(number('Umsatz'), ['2.219', '543'], ';', sales);
    expect(plan).toMatchObject({ decimalComma: true, fileDecimalComma: { column: 'Preis', value: '9,37' } });
    expect(withDotReading(plan, ['2.219', '543'], undefined)).toMatchObject({ dotThousands: true });
  });

  it("stays a decimal when nothing else in the file writes decimal commas, or a cell writes '7.4'", () => {
    const alone = withDecimalComma(number('Umsatz'), ['2.219', '543'], ';', columns(['Umsatz'], ['2.219'], ['543']));
    expect(withDotReading(alone, ['2.219', '543'], undefined).dotThousands).toBeUndefined();
    const plan = withDecimalComma(number('Umsatz'), ['2.219', '7.4'], ';', sales);
    expect(withDotReading(plan, ['2.219', '7.4'], undefined).dotThousands).toBeUndefined();
  });

  it('is warned about, naming the cell, both readings and the column that decided', () => {
    const seen = new DotReadings();
    seen.see(dotRoleOf('2.219'), 2, '2.219');
    seen.see(dotRoleOf('1.870'), 3, '1.870');
    expect(seen.thousands()).toBeNull(); // the column alone proves nothing
    // every number has a dot ('48.137' latitudes would look the same): the file's word alone does not flip it
    expect(seen.thousands(true)).toBeNull();
    seen.see(dotRoleOf('543'), 4, '543');
    expect(seen.thousands(true)).toBe(true); // whole numbers written '#.##0': '543' beside '2.219'
    expect(seen.message('Umsatz', true, { column: 'Preis', value: '9,37' })).toEqual({
      count: 2,
      text: "column 'Umsatz': '2.219' (line 2) could be 2.219 or 2219; the file writes decimal commas (column 'Preis': '9,37') and the column never writes '.' as a decimal point, so it was read as 2219 (2 cells like it). If such cells are decimals, write them with a decimal comma ('2,219')",
    });
  });
});

describe("'4,935' read by the file's evidence", () => {
  it('is a comma either mark reads, unlike 10,5 or 0,935', () => {
    expect(['4,935', '-12,500', '999,000 €'].map(dotRoleOf)).toEqual(Array(3).fill(COMMA_AMBIGUOUS));
    expect(['10,5', '0,935', '4,9351', '1234,567', '1,5e3'].map(dotRoleOf)).toEqual(Array(5).fill(COMMA_DECIMAL));
  });

  it('is warned about with both readings and how to choose, unless a cell of the column proves it', () => {
    const seen = new DotReadings();
    seen.see(dotRoleOf('4,935'), 2, '4,935');
    seen.see(dotRoleOf('5,012'), 3, '5,012');
    const proof = { column: 'Temperatur', value: '10,0' };
    expect(commaFromFileMessage('Messwert', seen, proof)).toEqual({
      count: 2,
      text: "column 'Messwert': every comma in it stands before exactly three digits ('4,935', line 2; 2 cells like it), so it could be a decimal comma (4.935) or a thousands separator (4935); the file writes decimal commas (column 'Temperatur': '10,0'), so it was read as 4.935. To keep this reading without the warning, import with --types Messwert=float; if the commas separate thousands, save the column without them (4935)",
    });
    seen.see(dotRoleOf('4,93'), 4, '4,93');
    expect(commaFromFileMessage('Messwert', seen, proof)).toBeNull();
  });

  it('read as thousands when nothing decides, says so and how to read decimals instead', () => {
    expect(commaUnprovenMessage('Menge kg', 3, { line: 2, value: '4,935' })).toEqual({
      count: 3,
      text: "column 'Menge kg': every comma in it stands before exactly three digits ('4,935', line 2; 3 cells like it), so it could be a thousands separator (4935) or a decimal comma (4.935); nothing in the file writes decimals either way, so it was read as 4935. If the commas are decimal commas, import with --types \"Menge kg\"=float (a float column of a file not separated by ',' reads decimal commas)",
    });
  });
});
