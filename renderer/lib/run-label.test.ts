import { describe, expect, it } from 'vitest';
import { changedWords, childRunName, runHeadingExtra, runLabel } from './run-label';

describe('runLabel', () => {
  it('puts the run id and the seed first, so a label cut short still tells runs and seeds apart', () => {
    expect(runLabel({ id: '12', name: 'tsmixer-gated on Demo: grid load (forecasting)', seed: 2 })).toBe('#12 · s2 · tsmixer-gated on Demo: grid load (forecasting)');
    expect(runLabel({ name: 'tsmixer-gated on Demo: grid load (forecasting)', seed: 2 })).toBe('s2 · tsmixer-gated on Demo: grid load (forecasting)');
  });
  it('tells a run and its "New run from this" child with one name and seed apart', () => {
    const parent = runLabel({ id: '1', name: 'tsmixer-gated on transformer_loads', seed: 1 });
    const child = runLabel({ id: '2', name: 'tsmixer-gated on transformer_loads', seed: 1 });
    expect(parent).not.toBe(child);
    expect(child).toBe('#2 · s1 · tsmixer-gated on transformer_loads');
  });
  it('does not repeat a seed the name already ends with, and keeps other seeds in the name', () => {
    expect(runLabel({ id: 3, name: 'tsmixer on grid load seed=1', seed: 1 })).toBe('#3 · s1 · tsmixer on grid load');
    expect(runLabel({ name: 'copy of seed=1', seed: 4 })).toBe('s4 · copy of seed=1');
    expect(runLabel({ id: '3', name: 'run 3' })).toBe('#3 · run 3');
  });
});

describe('a child run named by what changed', () => {
  const parent = { model: { gate: { kind: 'sigmoid', granularity: 'channel' }, dropout: 0.1 }, optimizer: { lr: 0.003 }, epochs: 8 };
  it('names the changed leaves by their key and new value', () => {
    const child = { model: { gate: { kind: 'sigmoid', granularity: 'element' }, dropout: 0.1 }, optimizer: { lr: 0.003 }, epochs: 8 };
    expect(changedWords(parent, child)).toBe('granularity=element');
    expect(childRunName('tsmixer-gated on transformer_loads', changedWords(parent, child))).toBe('tsmixer-gated on transformer_loads · granularity=element');
  });
  it('keeps the parent name when nothing changed, and counts what does not fit', () => {
    expect(childRunName('tsmixer on loads', changedWords(parent, structuredClone(parent)))).toBe('tsmixer on loads');
    const many = { model: { gate: { kind: 'glu', granularity: 'element' }, dropout: 0.2 }, optimizer: { lr: 0.01 }, epochs: 3 };
    expect(changedWords(parent, many)).toBe('kind=glu · granularity=element · dropout=0.2 · +2 more');
  });
  it("leaves the parent's seed out of the child's name: the lab adds the child's own (audit A22 #5)", () => {
    const child = { model: { gate: { kind: 'sigmoid', granularity: 'element' }, dropout: 0.1 }, optimizer: { lr: 0.003 }, epochs: 8 };
    const name = childRunName('tsmixer-gated on Demo: grid load (forecasting) seed=2', changedWords(parent, child));
    expect(name).toBe('tsmixer-gated on Demo: grid load (forecasting) · granularity=element');
    // the lab then names each of the child's runs "<name> seed=N": one seed in the label
    expect(runLabel({ id: 23, name: `${name} seed=1`, seed: 1 })).toBe('#23 · s1 · tsmixer-gated on Demo: grid load (forecasting) · granularity=element');
    // a grandchild of a group run keeps its parent's change, not its seed
    expect(childRunName(`${name} seed=1`, 'lr=0.01')).toBe('tsmixer-gated on Demo: grid load (forecasting) · granularity=element · lr=0.01');
    // a seed that differs is not a change of settings
    expect(changedWords({ seed: 2, epochs: 8 }, { seed: 1, epochs: 8 })).toBe('');
  });
  it('keeps one entry per setting: a child changing what its parent’s name holds replaces that entry', () => {
    const parent = { gate: { kind: 'hard', threshold: 0.6 }, lr: 0.001 };
    const child = { gate: { kind: 'hard', threshold: 0.4 }, lr: 0.001 };
    expect(childRunName('tsmixer-gated · hard gate · threshold=0.6 · lr=0.001 seed=1', changedWords(parent, child))).toBe('tsmixer-gated · hard gate · threshold=0.4 · lr=0.001');
    expect(childRunName('tsmixer-gated · hard gate · threshold=0.6', 'threshold=0.4 · epochs=3')).toBe('tsmixer-gated · hard gate · threshold=0.4 · epochs=3');
  });
  it('spells the whole path when two changed leaves share a key', () => {
    const a = { a: { lr: 1 }, b: { lr: 1 } };
    expect(changedWords(a, { a: { lr: 2 }, b: { lr: 3 } })).toBe('a.lr=2 · b.lr=3');
  });
});

describe('runHeadingExtra (the run page heading after the name)', () => {
  it('says the seed and the template once: not again when the name already has them', () => {
    expect(runHeadingExtra({ name: 'tsmixer-gated on Demo: grid load seed=1', template: 'tsmixer-gated', seed: 1 })).toBe('');
    expect(runHeadingExtra({ name: 'my sweep seed=1', template: 'tsmixer-gated', seed: 1 })).toBe('tsmixer-gated');
    expect(runHeadingExtra({ name: 'tsmixer-gated on Demo: grid load', template: 'tsmixer-gated', seed: 3 })).toBe('seed 3');
    expect(runHeadingExtra({ name: 'baseline', template: 'dlinear', seed: 2 })).toBe('dlinear · seed 2');
    // seed=11 is not seed 1
    expect(runHeadingExtra({ name: 'dlinear on x seed=11', template: 'dlinear', seed: 1 })).toBe('seed 1');
  });
});
