// Number and size formatting shared by the views.
const intFmt = new Intl.NumberFormat('en-US');

export const formatCount = (n: number): string => intFmt.format(n);

export function formatBytes(n: number | null | undefined): string {
  if (n == null) return '—';
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let i = 0;
  let v = n;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v < 10 && i > 0 ? v.toFixed(1) : Math.round(v)} ${units[i]}`;
}

/** Compact: 4 significant digits, exponent for very large/small magnitudes. */
export function formatValue(v: number | string | boolean | null | undefined): string {
  if (v == null) return '—';
  if (typeof v !== 'number') return String(v);
  if (Number.isNaN(v)) return '—';
  if (!Number.isFinite(v)) return String(v);
  // -0 (a mean of -1e-9 and 1e-9 rounded, a product with 0) is zero: Intl writes it "-0", a sign that means nothing
  if (v === 0) return '0';
  if (Number.isInteger(v) && Math.abs(v) < 1e9) return intFmt.format(v);
  const a = Math.abs(v);
  if (a !== 0 && (a < 1e-3 || a >= 1e7)) return v.toExponential(2);
  return Number(v.toPrecision(4)).toString();
}

/**
 * A run's result tile: formatValue, except that a fraction keeps its fourth significant digit when it is 0
 * (test auc "0.7300" beside accuracy "0.7467", not "0.73", which read as rounded to two places).
 */
export function formatMetric(v: number): string {
  const a = Math.abs(v);
  return Number.isFinite(v) && !Number.isInteger(v) && a >= 1e-3 && a < 1000 ? v.toPrecision(4) : formatValue(v);
}

/**
 * A column's two ends, each as formatValue writes it, unless that makes different ends read the same
 * (a meter near 1.5e9: "1.50e+9" twice): then with as many digits as it takes to tell them apart.
 */
export function formatRange(min: number | string, max: number | string): [string, string] {
  const [a, b] = [formatValue(min), formatValue(max)];
  if (typeof min !== 'number' || typeof max !== 'number' || min === max || a !== b) return [a, b];
  for (let digits = 5; digits <= 17; digits++) {
    const show = (x: number) => (Math.abs(x) >= 1e5 && Math.abs(x) < 1e15 ? x.toFixed(Math.max(0, digits - 5)) : Number(x.toPrecision(digits)).toString());
    if (show(min) !== show(max)) return [show(min), show(max)];
  }
  return [String(min), String(max)];
}

/**
 * A column of values each as formatMetric writes it, so Compare's table reads as the run's tiles do
 * ("0.7300", not "0.73" beside the tile's "0.7300"), unless that makes different values read the same
 * (Compare's test mse 0.082552 and 0.082548 both "0.08255", one starred as the best): then the whole column
 * with as many significant digits as it takes to tell them apart (at most 8), so the ★ falls on a number
 * that reads lower or higher than the others.
 */
export function formatColumn(values: readonly (number | null)[]): string[] {
  const plain = values.map((v) => (v === null ? formatValue(v) : formatMetric(v)));
  const clash = (texts: string[]) => values.some((v, i) => values.some((w, j) => j > i && v !== null && w !== null && v !== w && texts[i] === texts[j]));
  if (!clash(plain)) return plain;
  const plainNumber = (v: number) => Number.isInteger(v) || Math.abs(v) < 1e-3 || Math.abs(v) >= 1e7;
  // a fraction keeps its trailing zeros as formatMetric's do; from 1000 up toPrecision would turn to an exponent
  const withDigits = (v: number, digits: number) => (Math.abs(v) < 1000 ? v.toPrecision(digits) : Number(v.toPrecision(digits)).toString());
  let texts = plain;
  for (let digits = 5; digits <= 8; digits++) {
    texts = values.map((v, i) => (v === null || plainNumber(v) ? plain[i] : withDigits(v, digits)));
    if (!clash(texts)) break;
  }
  // values still alike at 8 digits keep the 8-digit texts: the most a column spends telling them apart
  return texts;
}

export function formatDuration(sec: number | null | undefined): string {
  if (sec == null || !Number.isFinite(sec)) return '—';
  // Round to the unit shown first, then split: 239.6 s is "4 min 0 s", never "3 min 60 s".
  const s = Math.round(sec);
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${s % 60} s`;
  const min = Math.round(sec / 60);
  return `${Math.floor(min / 60)} h ${min % 60} min`;
}

/** 1234567 -> "1.23 M", 23054 -> "23.1 k": sizes people compare at a glance. */
export function formatCompact(n: number): string {
  const units: [number, string][] = [[1e12, ' T'], [1e9, ' G'], [1e6, ' M'], [1e3, ' k']];
  for (const [v, u] of units) if (Math.abs(n) >= v) return `${Number((n / v).toPrecision(3))}${u}`;
  return String(n);
}

/**
 * Axis ticks as they will read: a tick whose label repeats its neighbour's is dropped, so a flat curve
 * (every value 1.384, or 1.38401…1.38404) gets one "1.384", not five identical labels.
 */
export function distinctTicks(ticks: number[], label: (t: number) => string = formatValue): { value: number; label: string }[] {
  const out: { value: number; label: string }[] = [];
  for (const value of ticks) {
    const text = label(value);
    if (out.some((t) => t.label === text)) continue;
    out.push({ value, label: text });
  }
  // all equal but one: the kept tick sits at the middle of the ones that read the same
  if (out.length === 1 && ticks.length > 1) out[0].value = ticks[Math.floor(ticks.length / 2)];
  return out;
}

/** Thousands separators on a plain decimal ("2561743.93" → "2,561,743.93"); exponent forms stay as they are. */
function groupDigits(text: string): string {
  if (/e/i.test(text)) return text;
  const [int, frac] = text.split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return frac === undefined ? grouped : `${grouped}.${frac}`;
}

/**
 * A value in a regression target's units, as Try it shows a prediction and its error: 6 significant digits
 * (a price of 1,234.57 keeps its cents; float32 noise goes) with thousands separators ("+57,050", not "+57050").
 */
export function formatUnits(v: number): string {
  if (!Number.isFinite(v)) return formatValue(v);
  return Number(v.toPrecision(6)).toLocaleString('en-US', { maximumFractionDigits: 6 });
}

/** A signed difference in the target's units: "+57,050" predicted too high, "−1.3" too low. */
export function formatSignedUnits(e: number): string {
  return e > 0 ? `+${formatUnits(e)}` : e < 0 ? `−${formatUnits(-e)}` : formatUnits(e);
}

/**
 * A value from the user's data as stored, not rounded for display (an actual of 2,561,743.93 read
 * "2,561,740" at 6 digits): the fewest significant digits that read back to the same number, at float32's
 * precision when the value is a float32 (a tensor's target) and float64's otherwise, with thousands separators.
 */
export function formatStored(v: number): string {
  if (!Number.isFinite(v)) return formatValue(v);
  if (v === 0) return '0';
  const float32 = Math.fround(v) === v;
  for (let digits = 1; digits <= 17; digits++) {
    const shown = Number(v.toPrecision(digits));
    if (float32 ? Math.fround(shown) === v : shown === v) return groupDigits(String(shown));
  }
  return groupDigits(String(v));
}
