import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ConfigError, GATE_KINDS, GATE_SCHEMAS, GateConfig, defaultGate, describeGate, parseGate } from './index';

describe('gate configs', () => {
  it('every kind parses from just its kind, with paper defaults, and has a description', () => {
    for (const kind of GATE_KINDS) {
      const g = defaultGate(kind);
      expect(g.kind).toBe(kind);
      expect(g.enabled).toBe(true);
      expect(describeGate(kind).length).toBeGreaterThan(20);
      expect(GateConfig.parse({ kind })).toEqual(g);
    }
  });

  it('uses the published defaults', () => {
    const gla = defaultGate('gla');
    expect([gla.rank, gla.normalizer, gla.keyRatio]).toEqual([16, 16, 0.5]);
    const topk = defaultGate('topk-router');
    expect(topk.noisy).toBe(true);
    expect(topk.loadBalance).toEqual({ weight: 0.01, scope: 'micro-batch' });
    expect(topk.zLoss).toBe(0.001);
    expect(defaultGate('sigmoid').scale).toBe(1);
    expect(defaultGate('glu').variant).toBe('swiglu');
    expect(defaultGate('gated-attention').mode).toBe('elementwise');
    expect(defaultGate('grn').dropout).toBe(0.1);
  });

  it('names the field of an invalid config', () => {
    expect(() => parseGate({ kind: 'topk-router', experts: 8, k: 9 })).toThrow(/gate 'topk-router': field 'k': k must be at most experts \(got k=9, experts=8\)/);
    expect(() => parseGate({ kind: 'sigmoid', scale: -1 })).toThrow(/field 'scale'/);
    expect(() => parseGate({ kind: 'gla', form: 'fast' })).toThrow(/field 'form'/);
    expect(() => parseGate({ kind: 'softmax-router', schedule: { kind: 'dense-to-sparse', to: 0 } })).toThrow(/field 'schedule.to'/);
    try {
      parseGate({ kind: 'mmoe', tasks: 0, experts: 1 });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      expect((e as ConfigError).fields.sort()).toEqual(['experts', 'tasks']);
    }
  });

  it('rejects an unknown kind with the list of known kinds', () => {
    expect(() => parseGate({ kind: 'magic' })).toThrow(/gate 'magic' \(known kinds: sigmoid, glu/);
    expect(() => parseGate(null)).toThrow(/known kinds/);
  });

  it('renders every schema as JSON Schema for the UI forms', () => {
    const js = z.toJSONSchema(GateConfig, { io: 'input' }) as { oneOf?: unknown[]; anyOf?: unknown[] };
    expect((js.oneOf ?? js.anyOf)?.length).toBe(GATE_KINDS.length);
  });

  // Help texts are read by ML users new to gates: words, not only formulas; symbols defined; no markdown.
  it('says in words what each router loss does, and defines f and P', () => {
    const props = (z.toJSONSchema(GATE_SCHEMAS['topk-router'], { io: 'input' }) as unknown as { properties: Record<string, { description?: string; properties?: Record<string, { description?: string }> }> }).properties;
    expect(props.zLoss.description).toMatch(/keeps the router logits small so routing stays numerically stable \(ST-MoE/);
    expect(props.loadBalance.properties!.scope.description).toMatch(/f \(the fraction of tokens routed to each expert\) and P \(the mean router probability of each expert\)/);
    expect(props.load.description).toMatch(/needs the top-k router with noisy gating on/);
  });

  it('writes every help text without markdown backticks', () => {
    for (const kind of GATE_KINDS) expect(JSON.stringify(z.toJSONSchema(GATE_SCHEMAS[kind], { io: 'input' })), kind).not.toContain('`');
  });

  it('says what "off" computes for every gate kind', () => {
    const offs = new Set<string>();
    for (const kind of GATE_KINDS) {
      const d = (z.toJSONSchema(GATE_SCHEMAS[kind], { io: 'input' }) as unknown as { properties: { enabled: { description: string } } }).properties.enabled.description;
      expect(d, kind).toMatch(/^Off replaces the gate by its ungated path: .{10,} \(for ablations\)$/);
      offs.add(d);
    }
    expect(offs.size).toBeGreaterThan(8); // per gate, not one sentence for all
    expect(GATE_SCHEMAS.gmu.shape.enabled.description).toMatch(/equal-weight average of the modality projections/);
    expect(GATE_SCHEMAS['softmax-router'].shape.enabled.description).toMatch(/uniform mixture/);
    expect(GATE_SCHEMAS.sigmoid.shape.enabled.description).toMatch(/gate = 1/);
  });

  it('refuses the CV² load loss on routers without noisy gating, naming the field', () => {
    for (const cfg of [{ kind: 'softmax-router' }, { kind: 'sinkhorn-router' }, { kind: 'topk-router', noisy: false }]) {
      expect(() => parseGate({ ...cfg, load: 0.1 }), cfg.kind).toThrow(/field 'load': the CV² load loss needs noisy top-k gating/);
    }
    expect(parseGate({ kind: 'topk-router', load: 0.1 })).toMatchObject({ noisy: true, load: 0.1 });
  });
});
