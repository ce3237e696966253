// `gatelab demo`'s lines: the progress line and the note on an idle expert (its trainer: demo-trainer.test.ts),
// and its --json stream as its help describes it (a failure's last line: json-refusal-every-command.test.ts).
import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { command, idleExpertNote, progressLine } from './demo';
import { gatelab } from './testing/gatelab';

describe('gatelab demo', () => {
  it('says so when an expert ends with almost no load, and names the knob that spreads it', () => {
    const note = idleExpertNote([0.001, 0.2, 0.5, 0.299]);
    expect(note).toMatch(/^note: expert 0 \(load 0\.1%\) gets almost no load \(an even share is 25%\): the router stopped using it\./);
    expect(note).toContain('router.loadBalance.weight');
    expect(idleExpertNote([0.004, 0.006, 0.49, 0.5])).toMatch(/^note: expert 0 \(load 0\.4%\), expert 1 \(load 0\.6%\) get almost no load/);
    expect(idleExpertNote([0.1, 0.2, 0.4, 0.3])).toBeNull(); // uneven, but every expert in use
  });

  it('says the loss of a progress line is the mean over its call, where the gate values are its last step\'s', () => {
    const e = { type: 'progress' as const, step: 5120, epoch: 3, loss: 0.02817, samplesPerSec: 862342.4, stepsPerCall: 696, elapsedMs: 1000, gateOpenness: 0.2471, expertLoad: [0.001, 0.24, 0.51, 0.249] };
    expect(progressLine(e)).toBe('step   5120  loss 0.0282 (mean of the last 696 steps)  gate openness 0.247  expert load [0.00 0.24 0.51 0.25]  862,342 samples/s (K=696)');
    // a call of one step: its loss is that step's
    expect(progressLine({ ...e, step: 1, stepsPerCall: 1 })).toMatch(/^step      1  loss 0\.0282  gate openness/);
  });

  it('--json prints one JSON line per trainer event, ready first and done last, as its help says', async () => {
    const help = command.options.find(([flag]) => flag === '--json')![1];
    expect(help).toMatch(/^one JSON line per trainer event/);
    const home = mkdtempSync(join(tmpdir(), 'gatelab-demo-json-'));
    try {
      const r = await gatelab(['demo', '--seconds', '0.5', '--json', '--home', home]);
      expect(r.code).toBe(0);
      const events = r.out.trim().split('\n').map((line) => JSON.parse(line) as { type: string });
      // a script reading one object would have stopped at the first of these
      expect(events.length).toBeGreaterThan(2);
      expect(events[0].type).toBe('ready');
      expect(events.at(-1)!.type).toBe('done');
      expect(events.slice(1, -1).every((e) => e.type === 'progress')).toBe(true);
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  }, 60_000);
});
