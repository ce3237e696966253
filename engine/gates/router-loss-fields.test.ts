// Every auxiliary-loss field a router's schema accepts must train the router: a walk-through found the CV²
// load loss (which needs noisy gating) accepted at 0.1 on a dense softmax router, where it has no gradient.
// For every router kind × every loss field set to 0.1 (the others 0): either the schema refuses it with a
// message on that field, or the loss term is built and has a non-zero gradient into the router's weights.
import { describe, expect, it } from 'vitest';
import { GATE_SCHEMAS, type GateConfig } from '../../common/gates';
import { buildGateGraph } from './fixtures/harness';
import { route } from './index';

type RouterKind = 'softmax-router' | 'topk-router' | 'sinkhorn-router';
const ROUTERS: { kind: RouterKind; extra: Record<string, unknown> }[] = [
  { kind: 'softmax-router', extra: {} },
  { kind: 'topk-router', extra: { noisy: true } },
  { kind: 'topk-router', extra: { noisy: false } },
  { kind: 'sinkhorn-router', extra: {} },
];
const LOSSES: { field: string; set: Record<string, unknown>; term: string }[] = [
  { field: 'loadBalance.weight', set: { loadBalance: { weight: 0.1 } }, term: 'load_balance' },
  { field: 'zLoss', set: { zLoss: 0.1 }, term: 'z_loss' },
  { field: 'importance', set: { importance: 0.1 }, term: 'importance_cv2' },
  { field: 'load', set: { load: 0.1 }, term: 'load_cv2' },
];
const NONE = { loadBalance: { weight: 0 }, zLoss: 0, importance: 0, load: 0 };

describe('router loss fields: accepted ones train the router, the others are refused naming the field', () => {
  for (const r of ROUTERS) {
    for (const loss of LOSSES) {
      it(`${r.kind}${'noisy' in r.extra ? (r.extra.noisy ? ' (noisy)' : ' (no noise)') : ''}: ${loss.field} = 0.1`, async () => {
        const parsed = GATE_SCHEMAS[r.kind].safeParse({ kind: r.kind, experts: 4, k: 2, ...r.extra, ...NONE, ...loss.set });
        if (!parsed.success) {
          expect(parsed.error.issues.map((i) => i.path.join('.'))).toEqual([loss.field]);
          expect(parsed.error.issues[0].message).toMatch(/noisy/);
          return;
        }
        const cfg = parsed.data as Extract<GateConfig, { kind: RouterKind }>;
        const b = await buildGateGraph({
          inputs: { x: [8, 3], noise: [8, 4] },
          constantInputs: ['noise'],
          training: true,
          env: ({ noise }) => ({ noise: () => noise }),
          build: (env, { x }) => {
            const losses = route(env, 'r', cfg, x).losses;
            expect(Object.keys(losses)).toEqual([`r.${loss.term}`]);
            return [losses[`r.${loss.term}`]];
          },
        });
        try {
          const out = await b.runner.run(b.feeds);
          const d = out.d_params.data as Float64Array;
          expect(Math.max(...d.map(Math.abs)), 'gradient of the loss into the router weights').toBeGreaterThan(1e-9);
        } finally {
          await b.release();
        }
      });
    }
  }
});
