// The run side of a trainer process: receives the protocol's messages (common/trainer-protocol.ts),
// runs one run with train-run.ts, and reports back. The process exits when the run ends, and also when
// the lab goes away (IPC disconnect), so a killed lab never leaves a trainer burning a core.
import { FromTrainer, ToTrainer, parseMessage, type RunSpec } from '../../common/trainer-protocol';
import { trainRun, RunFailure, type RunControl } from './train-run';
import { dataFor } from './data-for';
import { parentChannel } from './parent-channel';

type Send = (e: FromTrainer) => void;

/** Is this the start of a run (and not of the demo, whose older protocol has no run id)? */
export function isRunStart(msg: unknown): boolean {
  const m = msg as { type?: string; spec?: { runId?: unknown } } | null;
  return !!m && m.type === 'start' && typeof m.spec?.runId === 'number';
}

let installed = false;

class Control implements RunControl {
  cancelled = false;
  pauseRequested = false;
  private wake: ((resumed: boolean) => void) | null = null;

  waitWhilePaused(): Promise<boolean> {
    if (this.cancelled) return Promise.resolve(false);
    return new Promise((resolve) => (this.wake = resolve));
  }

  handle(msg: ToTrainer): void {
    if (msg.type === 'pause') this.pauseRequested = true;
    else if (msg.type === 'resume') { this.pauseRequested = false; this.wake?.(true); this.wake = null; }
    else if (msg.type === 'cancel') { this.cancelled = true; this.wake?.(false); this.wake = null; }
  }
}

/** Runs one run to its end; never throws (a failure becomes a `failed` message). */
export async function runFromSpec(spec: RunSpec, send: Send, control: RunControl): Promise<void> {
  let lastStep = 0;
  const track: Send = (e) => {
    if ('step' in e && typeof e.step === 'number') lastStep = e.step;
    send(e);
  };
  try {
    const { data, config } = await dataFor(spec);
    await trainRun({ ...spec, config }, data, track, control);
  } catch (e) {
    const err = e as Error;
    send({ type: 'failed', message: err.message, stack: err.stack, step: e instanceof RunFailure ? e.step : lastStep });
  }
}

/** Installs the protocol on this process (called by workers/trainer.ts for the first run message). */
export function serveRunProtocol(first: unknown): void {
  if (installed) return; // one run per process: later starts are ignored
  const channel = parentChannel();
  if (!channel) return;
  installed = true;
  // Ctrl-C is the lab's to handle (it pauses the run with a checkpoint): a trainer sharing the terminal ignores it.
  process.on('SIGINT', () => {});
  const control = new Control();
  let started = false;
  let pending = 0;
  let ending = false;
  const exitWhenSent = () => { if (ending && pending === 0) channel.close(); };
  const send: Send = (e) => {
    if (!channel.connected) return;
    pending++;
    channel.send(e, () => { pending--; exitWhenSent(); });
  };
  const onMessage = (raw: unknown) => {
    let msg: ToTrainer;
    try {
      msg = parseMessage(ToTrainer, raw, 'the lab');
    } catch (e) {
      send({ type: 'failed', message: (e as Error).message, step: 0 });
      return;
    }
    if (msg.type !== 'start') return control.handle(msg);
    if (started) return;
    started = true;
    runFromSpec(msg.spec, send, control).finally(() => {
      ending = true;
      exitWhenSent();
    });
  };
  channel.onMessage((m) => { if (m !== first) onMessage(m); });
  // The lab died or closed the channel: nobody is listening, stop now (checkpoints on disk stay valid).
  channel.onGone(() => process.exit(ending ? 0 : 3));
  onMessage(first);
}

/** Electron's utilityProcess: no process.send, so workers/trainer.ts's fork listener never runs; listen here. */
export function listenOnParentPort(): void {
  const port = (process as unknown as { parentPort?: { on(e: 'message', l: (ev: { data: unknown }) => void): void } }).parentPort;
  port?.on('message', (ev) => { if (isRunStart(ev.data)) serveRunProtocol(ev.data); });
}
