// A router temperature schedule longer than the run: the default 10,000 steps is kept for earlier runs'
// sake, but a run capped at fewer steps (Max steps) would stop τ far from its end value without a word.
// The Models form says so beside the schedule's Steps (the CLI prints the same before training).

interface Schedule { kind?: string; from?: number; to?: number; steps?: number }

/** The note for `<gate>.schedule.steps`, keyed by that path, or {} when the schedule fits in the run. */
export function scheduleLengthNotes(gateField: string | null, gate: Record<string, unknown> | null, maxSteps: number | undefined): Record<string, string> {
  if (!gateField || !gate || gate.kind !== 'softmax-router' || maxSteps === undefined) return {};
  const s = gate.schedule as Schedule | undefined;
  if (!s || s.kind === 'constant' || s.steps === undefined || s.from === undefined || s.to === undefined || s.steps <= maxSteps) return {};
  const reached = Number((s.from * (s.to / s.from) ** (maxSteps / s.steps)).toPrecision(3));
  return {
    [`${gateField}.schedule.steps`]: `Longer than this run: it trains at most ${maxSteps.toLocaleString('en-US')} steps (Max steps), so τ falls only to about ${reached}, not to ${s.to}. Set Steps to ${maxSteps.toLocaleString('en-US')} or less to anneal within the run.`,
  };
}
