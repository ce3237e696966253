// How a run is named where several runs sit side by side (Compare's tables, legends and charts, Export's
// run picker): the seed first ("s2 · tsmixer-gated on grid load"), so a label cut short by a narrow column
// still tells seeds apart. A name that already ends with its seed (runs started as a group get
// "… seed=2") does not say it twice.
export function runLabel(run: { name: string; seed?: number | null }): string {
  if (run.seed === undefined || run.seed === null) return run.name;
  const name = run.name.replace(new RegExp(`\\s+seed=${run.seed}$`), '');
  return `s${run.seed} · ${name}`;
}
