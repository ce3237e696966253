// A training speed as the lab writes it everywhere (`gatelab show`, the app's run table and run page): whole
// samples with thousands separators for a fast run (1,523), three digits for a slow one (13.4).
export const speedText = (samplesPerSec: number): string =>
  samplesPerSec >= 100 ? Math.round(samplesPerSec).toLocaleString('en-US') : String(Number(samplesPerSec.toPrecision(3)));
