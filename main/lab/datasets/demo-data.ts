// Three seeded demo datasets, generated on first start so the lab is useful offline with no data of
// the user's (and no third-party data in the repo). Each one has a structure a gate should find.
// Same seed -> same bytes -> same content hash, so regenerating never duplicates a dataset.
import { seededRandom, randomNormal, randomInt, type Random } from '../../../common/data/random';
import type { ColumnRole, DatasetFamily } from '../../../common/data/roles';

export interface DemoDataset {
  fileName: string;
  name: string;
  family: DatasetFamily;
  description: string;
  roles: Record<string, ColumnRole | { role?: ColumnRole; modality?: string }>;
  /** CSV text (header + rows). */
  csv(): string;
}

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));
const pad = (n: number) => String(n).padStart(2, '0');
const fmt = (x: number, digits = 3) => x.toFixed(digits);

// 1) Forecasting: 3 years hourly, 6 load channels + a target. Daily and weekly seasonality, AR(1)
// noise, and a regime switch at 60% of the series: the daily peak moves from office hours to the
// evening, weekends flip from quiet to busy and the channels' coupling to the target changes.
export const demoForecasting: DemoDataset = {
  fileName: 'demo-grid-load.csv',
  name: 'Demo: grid load (forecasting)',
  family: 'forecasting',
  description:
    'Synthetic hourly grid load, 3 years, 6 load channels and the target `demand`. Daily and weekly seasonality; ' +
    'a regime switch at 60% of the series (office-hours peak -> evening peak, quiet -> busy weekends). The ETT split applies.',
  roles: { timestamp: 'time', demand: 'target' },
  csv() {
    const random = seededRandom(20240101);
    const hours = 3 * 365 * 24;
    const switchAt = Math.floor(hours * 0.6);
    const channels = 6;
    const ar = new Array(channels + 1).fill(0);
    const lines = ['timestamp,' + Array.from({ length: channels }, (_, c) => `load_${c + 1}`).join(',') + ',demand'];
    const start = Date.UTC(2023, 0, 1);
    for (let t = 0; t < hours; t++) {
      const d = new Date(start + t * 3600_000);
      const hour = d.getUTCHours();
      const weekend = d.getUTCDay() === 0 || d.getUTCDay() === 6;
      const late = t >= switchAt;
      const peakHour = late ? 19 : 11;
      const gap = Math.abs(hour - peakHour);
      const daily = Math.exp(-(Math.min(gap, 24 - gap) ** 2) / 18); // circular distance to the peak hour
      const weekly = weekend ? (late ? 1.35 : 0.6) : 1;
      const season = 1 + 0.25 * Math.sin((2 * Math.PI * t) / (365 * 24));
      const values: number[] = [];
      for (let c = 0; c < channels; c++) {
        ar[c] = 0.9 * ar[c] + 0.15 * randomNormal(random);
        const scale = 1 + c * 0.35;
        const phase = late ? (c % 2 === 0 ? 1 : -1) * 0.3 * c : 0;
        values.push(scale * (2 + 3 * daily * weekly * season + phase) + ar[c]);
      }
      ar[channels] = 0.95 * ar[channels] + 0.1 * randomNormal(random);
      // Regime 1 follows the even channels, regime 2 the odd ones: a gate over channels pays off.
      const mix = values.reduce((s, v, c) => s + v * ((c % 2 === 0) !== late ? 0.3 : 0.05), 0);
      const demand = 10 + mix + 2 * season + ar[channels];
      const stamp = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(hour)}:00:00`;
      lines.push(`${stamp},${values.map((v) => fmt(v)).join(',')},${fmt(demand)}`);
    }
    return lines.join('\n') + '\n';
  },
};

// 2) CTR: a click log whose label depends on a GATED interaction: user segment x ad category matter
// only on mobile in the evening (the gate), plus small main effects. A model without multiplicative
// interactions between fields cannot reach the best AUC.
export const demoCtr: DemoDataset = {
  fileName: 'demo-click-log.csv',
  name: 'Demo: click log (CTR)',
  family: 'recsys',
  description:
    'Synthetic ad click log, 100,000 impressions, 7 categorical fields and a bid price. The affinity between `user_segment` ' +
    'and `ad_category` drives clicks only when a gate of `device` and `hour` is open (mobile, evening). Label: `clicked`.',
  roles: {
    user_segment: 'categorical', device: 'categorical', hour: 'categorical', weekday: 'categorical',
    ad_category: 'categorical', site: 'categorical', position: 'categorical', clicked: 'target',
  },
  csv() {
    const random = seededRandom(777);
    const segments = 24, categories = 16, sites = 40;
    const devices = ['mobile', 'desktop', 'tablet', 'tv'];
    const positions = ['top', 'side', 'bottom'];
    const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
    const affinity = Array.from({ length: segments * categories }, () => 2.2 * randomNormal(random));
    const siteEffect = Array.from({ length: sites }, () => 0.3 * randomNormal(random));
    const deviceGate = [2.5, -2.0, 0.5, -3.0];
    const positionEffect = [0.6, -0.4, -0.8];
    const lines = ['user_segment,device,hour,weekday,ad_category,site,position,bid_price,clicked'];
    for (let i = 0; i < 100_000; i++) {
      const seg = randomInt(random, segments);
      const dev = pick(random, [0.55, 0.3, 0.1, 0.05]);
      const hour = randomInt(random, 24);
      const wd = randomInt(random, 7);
      const cat = randomInt(random, categories);
      const site = randomInt(random, sites);
      const pos = randomInt(random, 3);
      const bid = Math.exp(randomNormal(random) * 0.5);
      const evening = hour >= 18 && hour <= 23 ? 2 : -1.5;
      const gate = sigmoid(deviceGate[dev] + evening);
      const logit = -2.2 + gate * affinity[seg * categories + cat] + positionEffect[pos] + siteEffect[site] + 0.3 * Math.log(bid) + (wd >= 5 ? 0.2 : 0);
      const clicked = random() < sigmoid(logit) ? 1 : 0;
      lines.push(`seg_${pad(seg)},${devices[dev]},${hour},${weekdays[wd]},cat_${pad(cat)},site_${pad(site)},${positions[pos]},${fmt(bid, 2)},${clicked}`);
    }
    return lines.join('\n') + '\n';
  },
};

/** Index drawn with the given probabilities. */
function pick(random: Random, probabilities: number[]): number {
  let u = random();
  for (let i = 0; i < probabilities.length - 1; i++) { if ((u -= probabilities[i]) < 0) return i; }
  return probabilities.length - 1;
}

// 3) Fusion: two modalities. `sensor_*` is weakly informative everywhere; `camera_*` is strongly
// informative in clear conditions and pure noise in fog or at night. The context (`condition`,
// `visibility`) tells when to trust the camera: a fusion gate should learn to close on it.
export const demoFusion: DemoDataset = {
  fileName: 'demo-two-sensors.csv',
  name: 'Demo: sensor + camera (fusion)',
  family: 'fusion',
  description:
    'Synthetic two-modality classification, 20,000 rows. 8 `sensor_*` features (weak signal everywhere) and 8 `camera_*` ' +
    'features (strong signal in clear conditions, pure noise in fog or at night); `condition` and `visibility` say which. Label: `label`.',
  roles: {
    ...Object.fromEntries(Array.from({ length: 8 }, (_, k) => [`sensor_${k + 1}`, { role: 'feature' as const, modality: 'sensor' }])),
    ...Object.fromEntries(Array.from({ length: 8 }, (_, k) => [`camera_${k + 1}`, { role: 'feature' as const, modality: 'camera' }])),
    condition: { role: 'categorical', modality: 'context' },
    visibility: { role: 'feature', modality: 'context' },
    label: 'target',
  },
  csv() {
    const random = seededRandom(4242);
    const dim = 8;
    const sensorDir = unit(Array.from({ length: dim }, () => randomNormal(random)));
    const cameraDir = unit(Array.from({ length: dim }, () => randomNormal(random)));
    const conditions = ['clear', 'fog', 'night'];
    const header = ['condition', 'visibility', ...Array.from({ length: dim }, (_, k) => `sensor_${k + 1}`), ...Array.from({ length: dim }, (_, k) => `camera_${k + 1}`), 'label'];
    const lines = [header.join(',')];
    for (let i = 0; i < 20_000; i++) {
      const y = random() < 0.5 ? 1 : 0;
      const sign = y ? 1 : -1;
      const cond = pick(random, [0.5, 0.25, 0.25]);
      const clear = cond === 0;
      const visibility = clear ? 0.7 + 0.3 * random() : 0.05 + 0.35 * random();
      const sensor = sensorDir.map((d) => 0.45 * sign * d + randomNormal(random));
      const camera = cameraDir.map((d) => (clear ? 1.6 * sign * d : 0) + randomNormal(random) * (clear ? 1 : 1.5));
      lines.push([conditions[cond], fmt(visibility), ...sensor.map((v) => fmt(v)), ...camera.map((v) => fmt(v)), y].join(','));
    }
    return lines.join('\n') + '\n';
  },
};

function unit(v: number[]): number[] {
  const n = Math.hypot(...v);
  return v.map((x) => x / n);
}

export const DEMO_DATASETS: DemoDataset[] = [demoForecasting, demoCtr, demoFusion];
