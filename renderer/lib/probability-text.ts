// A model's probability as Try it and its What if cells show it: a percentage with one decimal. One that
// rounds to 100 % or 0 % says it is near certainty, not at it ("> 99.9 %", "< 0.1 %"): 0.9996 shown as
// "100.0 %" read as a sure thing, which no model's output is (a sigmoid's exact 1 is float rounding too).
export function probabilityText(p: number): string {
  const shown = (100 * p).toFixed(1);
  if (shown === '100.0') return '> 99.9 %';
  if (shown === '0.0' || shown === '-0.0') return '< 0.1 %';
  return `${shown} %`;
}
