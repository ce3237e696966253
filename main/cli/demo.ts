// `gatelab demo`: trains a small gated model (2·sigmoid feature gate + 4-expert softmax router) on a
// synthetic dataset for a few seconds in a trainer process, printing the loss falling and the gates.
import type { CliCommand } from '../cli';
import { stringOption } from './args';
import { DEFAULT_DEMO, type DemoSpec, type TrainerEvent } from '../../engine/train/demo-run';
import { sayRefusal } from './json-refusal';
import { runDemoTrainer } from './demo-trainer';

const fmtLoad = (load: number[]) => `[${load.map((p) => p.toFixed(2)).join(' ')}]`;

/**
 * A router often ends with an expert it no longer uses (the demo's usually does: "[0.00 0.20 0.50 0.31]"):
 * a researcher reads that as a bug unless told what it is and what keeps experts alive. An expert is idle
 * below a tenth of an even share. null when every expert gets its part.
 */
export function idleExpertNote(load: number[]): string | null {
  const even = 1 / load.length;
  const idle = load.map((p, i) => [p, i] as const).filter(([p]) => p < even / 10);
  if (!idle.length) return null;
  const who = idle.map(([p, i]) => `expert ${i} (load ${(100 * p).toFixed(1)}%)`).join(', ');
  return `note: ${who} ${idle.length > 1 ? 'get' : 'gets'} almost no load (an even share is ${(100 * even).toFixed(0)}%): the router stopped using ${idle.length > 1 ? 'them' : 'it'}. ` +
    `This demo's router trains without a load-balancing loss; the lab's routers have one, and its weight is the knob ` +
    `(router.loadBalance.weight, 0.01 by default: e.g. --set router.loadBalance.weight=0.05 on a moe-dnn run spreads the load more)`;
}

/**
 * One progress line. The trainer sends the mean loss over the call's K steps (steadier than one step's) but
 * the gate values of its last step, the step the line is headed by (workers/demo-gate-stats.ts): the loss
 * says it is a mean, so the two are not read as one step's values.
 */
export function progressLine(e: Extract<TrainerEvent, { type: 'progress' }>): string {
  const loss = e.stepsPerCall > 1 ? `loss ${e.loss.toFixed(4)} (mean of the last ${e.stepsPerCall.toLocaleString('en-US')} steps)` : `loss ${e.loss.toFixed(4)}`;
  return `step ${String(e.step).padStart(6)}  ${loss}  gate openness ${e.gateOpenness.toFixed(3)}  ` +
    `expert load ${fmtLoad(e.expertLoad)}  ${Math.round(e.samplesPerSec).toLocaleString('en-US')} samples/s (K=${e.stepsPerCall})`;
}

function describe(e: TrainerEvent): string | null {
  switch (e.type) {
    case 'ready':
      return `model ${e.model}: ${e.parameters.toLocaleString('en-US')} parameters, on ${e.provider}` +
        (e.fallbackReason ? `\n  (${e.fallbackReason})` : '');
    case 'progress':
      return progressLine(e);
    case 'done':
      return `${e.cancelled ? 'cancelled' : 'done'} after ${e.step} steps in ${(e.elapsedMs / 1000).toFixed(1)} s: ` +
        `held-out loss ${e.evalLoss.toFixed(4)}, accuracy ${(100 * e.evalAccuracy).toFixed(1)}%, ` +
        `gate openness ${e.gateOpenness.toFixed(3)}, expert load ${fmtLoad(e.expertLoad)}`;
    case 'error':
      return `error: ${e.message}`;
  }
}

export const command: CliCommand = {
  summary: 'train a small gated model on synthetic data for a few seconds (--seconds N, --cuda, --json)',
  usage: "",
  options: [
    ["--seconds N", "how long to train (default: a few seconds)"],
    ["--cuda", "try the CUDA provider (falls back to the CPU)"],
    // an event stream, as train --follow --json: a script reading "one JSON object" would choke on line two
    ["--json", "one JSON line per trainer event ({\"type\":\"ready\"|\"progress\"|\"done\"|\"error\",...}, every progress event); a failure ends with {\"command\":\"demo\",\"status\":\"error\",\"error\":...}"],
  ],
  async run(args) {
    const seconds = Number(stringOption(args, 'seconds') ?? DEFAULT_DEMO.seconds);
    if (!(seconds > 0)) {
      sayRefusal('demo', command, args, '--seconds needs a positive number');
      return 2;
    }
    const spec: DemoSpec = { ...DEFAULT_DEMO, seconds, providers: args.options.cuda ? ['cuda', 'cpu'] : ['cpu'] };
    const json = args.options.json === true;
    if (!json) console.log(`GateLab demo: a 2·sigmoid feature gate and a softmax router over ${spec.sizes.experts} experts, ` +
      `${spec.samples.toLocaleString('en-US')} synthetic rows, ${seconds} s in a trainer process (Ctrl-C stops early)`);
    let lastPrinted = -Infinity;
    const final = await runDemoTrainer(spec, (e) => {
      if (json) return console.log(JSON.stringify(e));
      // At most ~4 progress lines per second: the loss falling is the point, not every call.
      if (e.type === 'progress' && e.elapsedMs - lastPrinted < 250) return;
      if (e.type === 'progress') lastPrinted = e.elapsedMs;
      const line = describe(e);
      if (line) console.log(line);
      const idle = e.type === 'done' ? idleExpertNote(e.expertLoad) : null;
      if (idle) console.log(idle);
    });
    // the trainer's own error event is said above (as a JSON line with --json); a script reads the last line,
    // which ends a failure of every --json command the same way (json-refusal.ts), and stderr says it too
    if (final.type === 'error' && json) sayRefusal('demo', command, args, final.message);
    return final.type === 'done' ? 0 : 1;
  },
};
