// `gatelab show RUN` prints the stored gate ids (what `gatelab knockout --gate` takes), and says once what
// each is called where the app and the knockout rows name it otherwise; router statistics carry the words
// that tell a top-k router's probability from its share of picks, as the Runs panels title them.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openLabStore, type LabStore } from '../lab/store/index';
import { showText } from '../lab/runs/run-report';
import { gateLabel, gateNamesFromConfig } from '../../common/analytics/gate-names';

function withStore(f: (store: LabStore) => void): void {
  const dir = mkdtempSync(join(tmpdir(), 'gatelab-show-names-'));
  const store = openLabStore(join(dir, 'lab.sqlite'));
  try { f(store); } finally { store.close(); rmSync(dir, { recursive: true, force: true }); }
}
const gateLines = (text: string) => text.slice(text.indexOf('  gates (last value):'), text.indexOf('  checkpoints:')).split('\n').slice(1).filter(Boolean);

describe('gatelab show names gates as the app does', () => {
  it("gated cross-attention: each cross<i> id is named by the user's modality, once", () => {
    withStore((store) => {
      const config = { model: { template: 'gated-cross-attention', modalities: [{ name: 'context', dim: 5 }, { name: 'sensor', dim: 8 }, { name: 'camera', dim: 8 }] } };
      const id = store.runs.create({ config });
      store.metrics.appendGateStats(id, ['cross0', 'cross1', 'cross2'].flatMap((g) => [
        { step: 40, gate: g, stat: 'first_token_attention', value: 0.12 },
        { step: 40, gate: `${g}.gate`, stat: 'openness', value: 0.5 },
        { step: 40, gate: `val.${g}.gate`, stat: 'openness', value: 0.5 },
      ]));
      const lines = gateLines(showText(store, store.runs.get(id)!));
      const legend = lines.filter((l) => l.includes('names:'));
      expect(legend).toHaveLength(1);
      const names = gateNamesFromConfig(config);
      for (const g of ['cross0', 'cross1', 'cross2']) {
        expect(legend[0]).toContain(`${g}, ${g}.gate = ${gateLabel(`${g}.gate`, names)}`);
        expect(gateLabel(g, names)).not.toBe(g);
      }
      expect(legend[0]).toContain('camera');
      expect(legend[0]).not.toMatch(/val\./);
    });
  });

  it("a noisy top-2 router's load and importance are titled as the share of picks and the probability before the pick", () => {
    withStore((store) => {
      const id = store.runs.create({ config: { model: { template: 'moe-dnn' } } }); // the template's default: noisy top-2
      store.metrics.appendGateStats(id, [
        { step: 30, gate: 'router', stat: 'load', vector: [0.5, 0.5, 0, 0] },
        { step: 30, gate: 'router', stat: 'importance', vector: [0.3, 0.3, 0.23, 0.17] },
      ]);
      const lines = gateLines(showText(store, store.runs.get(id)!));
      expect(lines.find((l) => l.includes('0.500, expert 1'))).toMatch(/^ {4}router share of top-2 picks +\[expert 0 0\.500/);
      expect(lines.find((l) => l.includes('0.230'))).toMatch(/^ {4}router mean router probability \(before top-2\) +\[/);
      expect(lines.join('\n')).not.toMatch(/router (load|importance) /);
      expect(lines.some((l) => l.includes('names:'))).toBe(false); // `router` reads as its name
    });
  });
});
