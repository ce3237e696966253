// European spreadsheet exports read by their own evidence (needs delimited.ts to pass fileNumberEvidence):
// a tab-separated German export whose '10,5' column proves decimal commas reads '4,935' as 4.935 and warns;
// a ';' Excel file with '9,37' prices reads its '#.##0' amounts ('2.219') as 2219 and warns; a ';' file of
// decimal points ('7.4') reads as before; '4,935' with nothing to decide is 4935, warned.
import { afterAll, describe, expect, it } from 'vitest';
import type { NumberFormat, ValidationIssue } from '../../common/dataset-cache';
import { textLoader } from './fixtures/load-text';

const { load, cleanup } = textLoader('gatelab-decimal-mark-');
afterAll(cleanup);

const warnings = (issues: ValidationIssue[], column: string) => issues.filter((i) => i.severity === 'warning' && i.column === column).map((i) => i.message);
const formatOf = (r: Awaited<ReturnType<typeof load>>, column: string) => (r.result.columns.find((c) => c.name === column) as { numberFormat?: NumberFormat }).numberFormat;

describe('a tab-separated German export', () => {
  const file = 'Datum\tMesswert\tTemperatur\n01.01.2023 00:00\t4,935\t10,0\n01.01.2023 01:00\t5,012\t10,5\n01.01.2023 02:00\t3,770\t11,0\n';

  it("reads '4,935' as 4.935 because '10,5' proves decimal commas, and warns naming both readings", async () => {
    const r = await load(file, {}, 'txt');
    expect(r.type('Messwert')).toBe('float');
    expect(r.col('Messwert')).toEqual([4.935, 5.012, 3.77].map(Math.fround));
    expect(r.col('Temperatur')).toEqual([10, 10.5, 11]);
    expect(warnings(r.result.validation.issues, 'Messwert')).toEqual([
      "column 'Messwert': every comma in it stands before exactly three digits ('4,935', line 2; 3 cells like it), so it could be a decimal comma (4.935) or a thousands separator (4935); the file writes decimal commas (column 'Temperatur': '10,0'), so it was read as 4.935. To keep this reading without the warning, import with --types Messwert=float; if the commas separate thousands, save the column without them (4935)",
    ]);
    expect(warnings(r.result.validation.issues, 'Temperatur')).toEqual([]);
    expect(formatOf(r, 'Messwert')).toEqual({ decimal: ',', thousands: '.' });
  });

  it('reads the same without the warning when the user types the column float', async () => {
    const r = await load(file, { columnTypes: { Messwert: 'float' } }, 'txt');
    expect(r.col('Messwert')).toEqual([4.935, 5.012, 3.77].map(Math.fround));
    expect(warnings(r.result.validation.issues, 'Messwert')).toEqual([]);
  });

  it("reads '4,935' as 4935 when nothing in the file decides, and says so", async () => {
    const r = await load('id\tMenge\n1\t4,935\n2\t1,200\n', {}, 'txt');
    expect(r.col('Menge')).toEqual([4935, 1200]);
    expect(warnings(r.result.validation.issues, 'Menge')).toEqual([
      "column 'Menge': every comma in it stands before exactly three digits ('4,935', line 2; 2 cells like it), so it could be a thousands separator (4935) or a decimal comma (4.935); nothing in the file writes decimals either way, so it was read as 4935. If the commas are decimal commas, import with --types Menge=float (a float column of a file not separated by ',' reads decimal commas)",
    ]);
  });
});

describe("a ';' Excel export", () => {
  it("reads '2.219' as 2219 when another column writes decimal commas, warns, and records it", async () => {
    const r = await load('\ufeffDatum;Umsatz;Preis\r\n01.01.2022;2.219;9,37\r\n02.01.2022;543;9,41\r\n03.01.2022;1.870;9,50\r\n');
    expect(r.type('Umsatz')).toBe('int');
    expect(r.col('Umsatz')).toEqual([2219, 543, 1870]);
    expect(warnings(r.result.validation.issues, 'Umsatz')).toEqual([
      "column 'Umsatz': '2.219' (line 2) could be 2.219 or 2219; the file writes decimal commas (column 'Preis': '9,37') and the column never writes '.' as a decimal point, so it was read as 2219 (2 cells like it). If such cells are decimals, write them with a decimal comma ('2,219')",
    ]);
    expect(formatOf(r, 'Umsatz')).toEqual({ decimal: ',', thousands: '.', dotsWithoutComma: 'thousands' });
  });

  it("keeps '48.137' a decimal when every number of its column has a dot, though another column writes decimal commas, and warns", async () => {
    const r = await load('lat;lon;temp\n48.137;11.575;12,5\n52.520;13.405;10,1\n50.110;8.682;11,3\n');
    expect(r.col('lat')).toEqual([48.137, 52.52, 50.11].map(Math.fround));
    expect(r.col('lon')).toEqual([11.575, 13.405, 8.682].map(Math.fround));
    expect(r.col('temp')).toEqual([12.5, 10.1, 11.3].map(Math.fround));
    expect(warnings(r.result.validation.issues, 'lat')).toEqual([
      "column 'lat': '48.137' (line 2) could be 48.137 or 48137; the file writes decimal commas (column 'temp': '12,5'), but every number of this column has a dot before three digits, so it was read as 48.137 (3 cells like it). If these are whole numbers with '.' between thousands, remove the dots in the file",
    ]);
  });

  it("keeps decimal points in a file written with them ('7.4', '1.076')", async () => {
    const r = await load('fixed_acidity;chlorides;quality\n7.4;1.076;5\n7.8;0.098;6\n');
    expect(r.col('chlorides')).toEqual([1.076, 0.098].map(Math.fround));
    expect(r.result.validation.issues.filter((i) => i.severity === 'warning')).toEqual([]);
  });
});
