// The modalities line's wording: neighbours encoded alike share one note, text says its buckets, vectors
// their width, a wide modality is cut after 8 names, and a summary without (valid) modalities prints nothing.
import { describe, expect, it } from 'vitest';
import { modalitiesLine, modalitiesLineOf, runModalitiesOf } from './run-modalities';

describe('modalitiesLine', () => {
  it('groups text columns under one note and lists plain columns by name, in the model\'s order', () => {
    const layout = {
      text: [{ name: 'title', kind: 'text' as const, width: 16384 }, { name: 'body', kind: 'text' as const, width: 16384 }],
      tabular: [{ name: 'price', kind: 'number' as const, width: 1 }, { name: 'brand', kind: 'one-hot' as const, width: 12 }],
    };
    expect(modalitiesLine(runModalitiesOf(layout))).toBe('modalities: text (title, body: hashed n-grams, 2^14 buckets); tabular (price, brand)');
  });

  it('says a bucket count that is not a power of two, vector widths, and mixed kinds in order', () => {
    expect(modalitiesLine([{ name: 'mixed', columns: [
      { name: 'note', kind: 'text', width: 1000 }, { name: 'rating', kind: 'number', width: 1 },
      { name: 'emb', kind: 'vector', width: 384 }, { name: 'emb2', kind: 'vector', width: 384 },
    ] }])).toBe('modalities: mixed (note: hashed n-grams, 1,000 buckets; rating; emb, emb2: 384-wide vectors)');
  });

  it('names the first 8 columns of a wide modality and counts the rest', () => {
    const columns = Array.from({ length: 20 }, (_, i) => ({ name: `f${i}`, kind: 'number' as const, width: 1 }));
    expect(modalitiesLine([{ name: 'tabular', columns }])).toBe('modalities: tabular (f0, f1, f2, f3, f4, f5, f6, f7; … 12 more (20 columns))');
  });

  it('prints nothing for a run without modalities (not fusion, or stored before they were kept) or a damaged value', () => {
    expect(modalitiesLineOf({ line: 'forecasting: 10 train / 2 validation / 2 test samples' })).toBeNull();
    expect(modalitiesLineOf(null)).toBeNull();
    expect(modalitiesLineOf({ line: 'fusion: …', modalities: { text: ['title'] } })).toBeNull();
    expect(modalitiesLineOf({ line: 'fusion: …', modalities: [{ name: 'tabular', columns: [{ name: 'x', kind: 'number', width: 1 }] }] })).toBe('modalities: tabular (x)');
  });
});
