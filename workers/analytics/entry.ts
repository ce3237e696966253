// The analytics process: one knockout or gate-report job per process (forked by main/lab/analytics),
// so session.run never blocks the lab's thread and a native fault costs one job. Exits when the job
// ends or the lab goes away.
import { ToAnalytics, type FromAnalytics } from '../../common/analytics';
import { parseMessage } from '../../common/trainer-protocol';
import { runJob } from './job';

// Messages are sent asynchronously: exit only once the last one has left (its callback ran).
let pending = 0;
const send = (m: FromAnalytics) => {
  if (!process.send) return;
  pending++;
  process.send(m, () => pending--);
};
const exitWhenSent = () => (pending > 0 ? setTimeout(exitWhenSent, 10) : process.exit(0));
let cancelled = false;
let started = false;

process.on('disconnect', () => process.exit(0));
process.on('message', (raw) => {
  let msg: ToAnalytics;
  try {
    msg = parseMessage(ToAnalytics, raw, 'the lab');
  } catch (e) {
    send({ type: 'failed', message: (e as Error).message });
    return;
  }
  if (msg.type === 'cancel') { cancelled = true; return; }
  if (started) return;
  started = true;
  runJob(msg.job, send, () => cancelled)
    // a request the job refuses (knockout-rows.ts RowsRefusal) is said as a refusal, not as the lab failing
    .catch((e: Error) => send({ type: 'failed', message: e.message, stack: e.stack, ...(e.name === 'RowsRefusal' ? { refused: true } : {}) }))
    .finally(exitWhenSent);
});
