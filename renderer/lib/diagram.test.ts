import { describe, expect, it } from 'vitest';
import { TEMPLATES, defaultModelConfig, templateJsonSchema } from '../../common/models';
import { diagramOf, expertsOf } from './diagram';

const template = (id: string) => {
  const t = TEMPLATES.find((x) => x.id === id)!;
  return { ...t, schema: templateJsonSchema(t.id) as Record<string, unknown>, defaults: defaultModelConfig(t.id) as Record<string, unknown> };
};

describe('the block diagram', () => {
  it('labels a router with its experts and k, as configured', () => {
    const t = template('moe-dnn');
    const block = (router: Record<string, unknown>) => diagramOf(t, { ...t.defaults, router }).find((b) => b.gateField === 'router')!;
    expect(block({ kind: 'topk-router', experts: 8, k: 2 }).detail).toBe('router · 8 experts, top-2');
    expect(block({ kind: 'sinkhorn-router', experts: 5, k: 1 }).detail).toBe('router · 5 experts, top-1');
    expect(block({ kind: 'topk-router', experts: 8, k: 2 }).label).toBe('topk-router');
  });

  it('words each router kind', () => {
    expect(expertsOf({ kind: 'softmax-router', experts: 4 })).toBe('4 experts, dense');
    expect(expertsOf({ kind: 'softmax-router', experts: 4, schedule: { kind: 'constant' } })).toBe('4 experts, dense');
    expect(expertsOf({ kind: 'softmax-router', experts: 4, schedule: { kind: 'dense-to-sparse', from: 2, to: 0.3, steps: 100 } })).toBe('4 experts, dense → sparse (τ 2 → 0.3)');
    expect(expertsOf({ kind: 'mmoe', experts: 3, tasks: 2 })).toBe('3 experts, 2 tasks');
    expect(expertsOf({ kind: 'sigmoid', scale: 2 })).toBeNull();
  });
});
