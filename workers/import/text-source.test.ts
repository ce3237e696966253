// Files that are not UTF-8, imported end to end: Windows-1252 as Excel saves it, Chinese and Japanese
// legacy encodings, and datasets recorded as latin1 reading exactly as they did.
import { afterAll, describe, expect, it } from 'vitest';
import { textLoader } from './fixtures/load-text';
import { windows1252Text } from './windows-1252';

const { load, cleanup } = textLoader('gatelab-text-source-');
afterAll(cleanup);

/** Bytes of `text` in a legacy encoding (Node decodes these but cannot encode them): from its decoding table. */
function encodeAs(text: string, encoding: string): Buffer {
  const cp1252 = encoding === 'windows-1252';
  const d = new TextDecoder(cp1252 ? 'utf-8' : encoding, { fatal: true });
  const back = new Map<string, number[]>();
  for (let lead = 0x80; lead <= 0xfe; lead++) {
    if (cp1252) { back.set(windows1252Text(Buffer.of(lead)), [lead]); continue; }
    try { const ch = d.decode(Uint8Array.of(lead)); if (!back.has(ch)) back.set(ch, [lead]); } catch { /* a lead byte */ }
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      try { const ch = d.decode(Uint8Array.of(lead, trail)); if (ch.length === 1 && !back.has(ch)) back.set(ch, [lead, trail]); } catch { /* not a pair */ }
    }
  }
  return Buffer.from(Array.from(text).flatMap((ch) => (ch.charCodeAt(0) < 0x80 ? [ch.charCodeAt(0)] : back.get(ch) ?? [])));
}

// pandas' to_csv(sep=';', decimal=',', encoding='cp1252') of prices in euros and German quotes
const PRICES = 'Datum;Preis;Text\r\n' + Array.from({ length: 40 }, (_, i) => `${String(1 + (i % 28)).padStart(2, '0')}.03.2021;${400 + i},${String(i).padStart(2, '0')} €;„Öffnungszeiten ${i}“`).join('\r\n') + '\r\n';

describe('Windows-1252', () => {
  it('a cp1252 file: € prices read as numbers, „“ quotes as quotes, recorded as windows-1252 with a note', async () => {
    const a = await load(encodeAs(PRICES, 'windows-1252'));
    expect(a.result.encoding).toBe('windows-1252');
    expect(a.type('Preis')).toBe('float');
    expect(a.col('Preis')[1]).toBeCloseTo(401.01, 4);
    expect(a.col('Text')[0]).toBe('„Öffnungszeiten 0“');
    expect(a.issues.encoding_fallback).toMatchObject({ severity: 'info', message: expect.stringContaining('read as Windows-1252') });
  });

  it('the same bytes with encoding latin1 (as datasets recorded so are rebuilt) read exactly as before: 0x80 is U+0080', async () => {
    const a = await load(encodeAs(PRICES, 'windows-1252'), { encoding: 'latin1' });
    expect(a.result.encoding).toBe('latin1');
    expect(a.col('Text')[0]).toBe('\u0084Öffnungszeiten 0\u0093');
  });

  it('JSON Lines in windows-1252 read their € and quotes too', async () => {
    const a = await load(encodeAs('{"q":"Straße € 12"}\n{"q":"„Zitat“ — ü"}\n', 'windows-1252'), {}, 'jsonl');
    expect(a.col('q')).toEqual(['Straße € 12', '„Zitat“ — ü']);
  });
});

describe('Chinese and Japanese legacy encodings', () => {
  it('a GBK file: its column names and values in Chinese, recorded as gb18030', async () => {
    const text = '日期,城市,销量\r\n' + Array.from({ length: 30 }, (_, i) => `2021-01-${String(1 + i).padStart(2, '0')},${['北京', '上海', '广州'][i % 3]},${i * 7}`).join('\r\n') + '\r\n';
    const a = await load(encodeAs(text, 'gb18030'));
    expect(a.result.encoding).toBe('gb18030');
    expect(a.result.columns.map((c) => c.name)).toEqual(['日期', '城市', '销量']);
    expect(a.col('城市').slice(0, 3)).toEqual(['北京', '上海', '广州']);
    expect(a.issues.encoding_fallback.message).toContain('GB18030');
  });

  it('a |-separated Shift-JIS file whose characters have | and \\ as second byte (倒, ソ) splits only at real separators', async () => {
    const text = '商品|倉庫|数\r\n' + Array.from({ length: 30 }, (_, i) => `${['ソフト', '倒立', 'テレビ'][i % 3]}|東京${i % 2}|${i}`).join('\r\n') + '\r\n';
    const a = await load(encodeAs(text, 'shift_jis'));
    expect(a.result).toMatchObject({ encoding: 'shift_jis', delimiter: '|' });
    expect(a.result.columns.map((c) => c.name)).toEqual(['商品', '倉庫', '数']);
    expect(a.col('商品').slice(0, 3)).toEqual(['ソフト', '倒立', 'テレビ']);
  });

  it('an encoding the user names is used as named (EUC-KR, which is never guessed for small files)', async () => {
    const a = await load(encodeAs('도시,n\r\n서울,1\r\n부산,2\r\n', 'euc-kr'), { encoding: 'euc-kr' });
    expect(a.result.encoding).toBe('euc-kr');
    expect(a.col('도시')).toEqual(['서울', '부산']);
    expect(a.issues.encoding_fallback).toBeUndefined();
  });
});
