// Which encoding a file that is not UTF-8 gets: Western text must always come out Windows-1252 (never a
// CJK reading), CJK tables their own encoding, and a file too small to tell a warning naming the encoding.
import { describe, expect, it } from 'vitest';
import { legacyEncodingNote, legacyReadingOf } from './legacy-encoding';
import { windows1252Text } from './windows-1252';

/** Node can decode these encodings but not encode them: build the bytes from a decoding table. */
function encodeAs(text: string, encoding: string): Buffer {
  if (encoding === 'windows-1252') return cp1252(text);
  const table = tableOf(encoding);
  const out: number[] = [];
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) { out.push(ch.charCodeAt(0)); continue; }
    const bytes = table.get(ch);
    if (!bytes) throw new Error(`${ch} has no ${encoding} bytes`);
    out.push(...bytes);
  }
  return Buffer.from(out);
}
const tables = new Map<string, Map<string, number[]>>();
function tableOf(encoding: string): Map<string, number[]> {
  let t = tables.get(encoding);
  if (t) return t;
  t = new Map();
  const d = new TextDecoder(encoding, { fatal: true });
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      try { const ch = d.decode(Uint8Array.of(lead, trail)); if (ch.length === 1 && !t.has(ch)) t.set(ch, [lead, trail]); } catch { /* not a pair */ }
    }
  }
  tables.set(encoding, t);
  return t;
}
function cp1252(text: string): Buffer {
  const back = new Map<string, number>();
  for (let b = 0x80; b <= 0xff; b++) back.set(windows1252Text(Buffer.of(b)), b);
  return Buffer.from(Array.from(text, (ch) => (ch.charCodeAt(0) < 0x80 ? ch.charCodeAt(0) : back.get(ch)!)));
}

const table = (header: string, values: string[][], rows: number) =>
  [header, ...Array.from({ length: rows }, (_, i) => `2021-01-${String(1 + (i % 28)).padStart(2, '0')},${values.map((v) => v[i % v.length]).join(',')},${(i * 37) % 1000}`)].join('\r\n') + '\r\n';

describe('the encoding of a file that is not UTF-8', () => {
  it('Western European text is Windows-1252, never a CJK encoding, however short', () => {
    const western = [
      'Datum;Stadt;Preis;Text\r\n01.02.2021;Zürich;461,13 €;„schön“\r\n02.02.2021;Köln;12,50 €;Straße\r\n',
      'city,n\nZürich,1\nMünchen,2\n', 'city,n\nélève,1\n', 'city,n\nbrûlée,1\n', 'name,n\nŽižek,1\n', 'a;b\ninformação;3\n',
      'a,b\n« Très bien »,1\nGenève,2\nSão Paulo,3\nÆrø,4\nÅngström,5\nŒuvre,6\n', 'a,b\n¼,1\n·,2\n', 'a\nMÜNCHEN\nÉTÉ\nSTRAßE\n',
      'quote\n“quoted”\n‘single’\n– — …\n', 'x\n50€\n',
    ];
    for (const text of western) expect(legacyReadingOf(encodeAs(text, 'windows-1252')), text).toEqual({ encoding: 'windows-1252' });
  });

  it('Chinese GBK, Japanese Shift-JIS, Korean EUC-KR and Big5 tables are read in their encoding', () => {
    const zh = table('日期,城市,产品,销量', [['北京', '上海', '广州', '深圳'], ['手机', '男', '女', '苹果iPhone']], 50);
    expect(legacyReadingOf(encodeAs(zh, 'gb18030'))).toEqual({ encoding: 'gb18030' });
    expect(legacyReadingOf(encodeAs('日期,城市,销量\r\n2021-01-01,bj,3\r\n', 'gb18030'))).toEqual({ encoding: 'gb18030' });
    const ja = table('日付,都市,商品,売上', [['東京', '大阪', '名古屋'], ['テレビ', 'パソコン', 'はい', 'ソフト']], 50);
    expect(legacyReadingOf(encodeAs(ja, 'shift_jis'))).toEqual({ encoding: 'shift_jis' });
    const ko = table('날짜,도시,상품,판매', [['서울', '부산', '대구'], ['컴퓨터', '냉장고', '남', '여']], 50);
    expect(legacyReadingOf(encodeAs(ko, 'euc-kr'))).toEqual({ encoding: 'euc-kr' });
    const tw = table('日期,城市,產品,銷售', [['臺北', '高雄', '臺南'], ['電腦', '電視', '男', '女']], 50);
    expect(legacyReadingOf(encodeAs(tw, 'big5'))).toEqual({ encoding: 'big5' });
  });

  it('CJK text with a stray Western byte: Windows-1252, with the CJK encoding named in a warning', () => {
    const zh = encodeAs(table('日期,城市,销量', [['北京', '上海', '广州']], 30), 'gb18030');
    const r = legacyReadingOf(Buffer.concat([zh, encodeAs('2021-02-01,café,1\r\n', 'windows-1252')]));
    expect(r).toEqual({ encoding: 'windows-1252', suspect: 'gb18030' });
    const note = legacyEncodingNote('people.csv', r)!;
    expect(note.warn).toBe(true);
    expect(note.message).toContain('--encoding gb18030');
  });

  it('a chosen encoding is said, with what to import with if the text looks wrong', () => {
    expect(legacyEncodingNote('p.csv', { encoding: 'windows-1252' })).toMatchObject({ warn: false, message: expect.stringContaining('read as Windows-1252') });
    expect(legacyEncodingNote('p.csv', { encoding: 'shift_jis' })?.message).toContain('--encoding windows-1252');
    expect(legacyEncodingNote('p.csv', { encoding: 'utf-8' })).toBeNull();
  });
});
