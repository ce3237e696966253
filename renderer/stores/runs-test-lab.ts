// For tests of the runs/compare/settings views: a LabApi over hand-written channel handlers, going
// through the real dispatch (zod validation of payloads and results, LabError replies) and a JSON round
// trip like a real transport, plus `emit` to push lab events (progress, metrics) at a chosen moment.
import type { EventChannel, EventData, LabHandlers, RunSummary } from '../../common/lab-api';
import { dispatch } from '../../common/lab-api/dispatch';
import { inProcessLab } from '../lib/in-process-lab';

export function handlerLab(handlers: Partial<LabHandlers>) {
  const listeners = new Set<(event: EventChannel, data: unknown) => void>();
  const calls: { channel: string; payload: unknown }[] = [];
  const lab = inProcessLab({
    dispatch: (channel, payload) => {
      calls.push({ channel: String(channel), payload });
      return dispatch(handlers as LabHandlers, channel, payload);
    },
    onEvent: (l) => (listeners.add(l), () => listeners.delete(l)),
  });
  return {
    lab,
    calls,
    emit<E extends EventChannel>(event: E, data: EventData<E>): void {
      for (const l of listeners) l(event, data);
    },
  };
}

/** A run summary with defaults for the fields a test does not care about. */
export function runSummary(o: Partial<RunSummary> & Pick<RunSummary, 'id' | 'template'>): RunSummary {
  return {
    name: `run ${o.id}`, group: null, datasetId: '1', status: 'completed', seed: 0, step: 100, totalSteps: 100, device: 'cpu',
    samplesPerSec: null, etaSec: null, createdAt: '2026-01-01T00:00:00Z', error: null, metrics: {}, ...o,
  };
}
