// The tokenizer against an independent reference (a plain RFC 4180 state machine over the whole
// string) on random CSV text cut into random chunks; and the number parser against Number().
import { describe, expect, it } from 'vitest';
import { CsvTokenizer } from './csv-tokenizer';
import { BAD, MISSING, NAN_INF, OK, parseNumber, parsed } from './values';

function reference(text: string, d: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [], field = '', i = 0, quoted = false, fieldStarted = false;
  const endRow = () => { row.push(field); if (!(row.length === 1 && row[0] === '' && !fieldStarted)) rows.push(row); row = []; field = ''; fieldStarted = false; };
  while (i < text.length) {
    const c = text[i];
    if (quoted) {
      if (c === '"') { if (text[i + 1] === '"') { field += '"'; i += 2; continue; } quoted = false; i++; continue; }
      field += c; i++; continue;
    }
    if (c === '"' && field === '') { quoted = true; fieldStarted = true; i++; continue; }
    if (text.startsWith(d, i)) { row.push(field); field = ''; fieldStarted = true; i += d.length; continue; }
    if (c === '\r' || c === '\n') { endRow(); i += c === '\r' && text[i + 1] === '\n' ? 2 : 1; continue; }
    field += c; fieldStarted = true; i++;
  }
  if (field !== '' || row.length > 0 || fieldStarted) endRow();
  return rows;
}

function tokenize(bytes: Buffer, d: string, cuts: number[]): { rows: string[][]; lines: number[] } {
  const rows: string[][] = [], lines: number[] = [];
  const tok = new CsvTokenizer(d.length === 1 ? d.charCodeAt(0) : d, {
    row(buf, s, e, esc, n, line) {
      const r: string[] = [];
      for (let i = 0; i < n; i++) { const v = buf.toString('utf8', s[i], e[i]); r.push(esc[i] ? v.replaceAll('""', '"') : v); }
      rows.push(r); lines.push(line);
    },
  }, 'test.csv');
  let prev = 0;
  for (const c of [...cuts, bytes.length]) { tok.push(bytes.subarray(prev, c), c === bytes.length); prev = c; }
  return { rows, lines };
}

function rng(seed: number) {
  return () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
}

describe('CsvTokenizer', () => {
  it('matches the reference on random quoted/multi-line CSV split at random chunk boundaries', () => {
    const rand = rng(7);
    const alphabet = ['a', 'b', 'é', '1', ' ', ',', ';', '"', '\n', '\r\n', '\r', '""'];
    for (let trial = 0; trial < 300; trial++) {
      const d = trial % 2 ? ',' : ';';
      const rows: string[] = [];
      for (let r = 0; r < 1 + Math.floor(rand() * 8); r++) {
        const fields: string[] = [];
        for (let f = 0; f < 1 + Math.floor(rand() * 4); f++) {
          let v = '';
          for (let k = 0; k < Math.floor(rand() * 6); k++) v += alphabet[Math.floor(rand() * alphabet.length)];
          const needs = /[",;\r\n]/.test(v);
          fields.push(needs || rand() < 0.2 ? `"${v.replaceAll('"', '""')}"` : v);
        }
        rows.push(fields.join(d));
      }
      const text = rows.join(rand() < 0.5 ? '\n' : '\r\n') + (rand() < 0.5 ? '\n' : '');
      const bytes = Buffer.from(text);
      const cuts = Array.from({ length: Math.floor(rand() * 5) }, () => Math.floor(rand() * bytes.length)).sort((a, b) => a - b);
      expect(tokenize(bytes, d, cuts).rows, JSON.stringify(text)).toEqual(reference(text, d));
    }
  });

  it('matches the reference with two-character delimiters (MovieLens-1M "::"), a lone ":" inside fields, at random chunk boundaries', () => {
    const rand = rng(13);
    const alphabet = ['a', '1', ':', ' ', '|', '"', '\n', '""', '10:30'];
    for (let trial = 0; trial < 300; trial++) {
      const d = trial % 2 ? '::' : '||';
      const rows: string[] = [];
      for (let r = 0; r < 1 + Math.floor(rand() * 8); r++) {
        const fields: string[] = [];
        for (let f = 0; f < 1 + Math.floor(rand() * 4); f++) {
          let v = '';
          for (let k = 0; k < Math.floor(rand() * 6); k++) v += alphabet[Math.floor(rand() * alphabet.length)];
          // quoted when a delimiter could run into it ('a:' + '::' reads as 'a' + ':'), as a writer would
          const edge = v.startsWith(d[0]) || v.endsWith(d[0]);
          fields.push(/["\n]/.test(v) || v.includes(d) || edge ? `"${v.replaceAll('"', '""')}"` : v);
        }
        rows.push(fields.join(d));
      }
      const text = rows.join('\n') + (rand() < 0.5 ? '\n' : '');
      const bytes = Buffer.from(text);
      const cuts = Array.from({ length: Math.floor(rand() * 6) }, () => Math.floor(rand() * bytes.length)).sort((a, b) => a - b);
      expect(tokenize(bytes, d, cuts).rows, JSON.stringify(text)).toEqual(reference(text, d));
    }
    // a cut between the two ':' of one delimiter
    const b = Buffer.from('1::1193::5::978300760\n2::10:30::4::978300761\n');
    expect(tokenize(b, '::', [2, 8, 31]).rows).toEqual([['1', '1193', '5', '978300760'], ['2', '10:30', '4', '978300761']]);
  });

  it('reports the line each row starts on, across multi-line fields', () => {
    const { lines } = tokenize(Buffer.from('h1,h2\n1,"a\nb\nc"\n2,x\r\n3,y'), ',', [7, 9]);
    expect(lines).toEqual([1, 2, 5, 6]);
  });

  it('tells each row the line it ends on and which quoted field runs across lines, at any chunk cut', () => {
    // line 2: one line; lines 3–5: field 2 quoted over 3 lines (CRLF, then a lone CR); lines 6–8: fields 1 and 3
    const text = 'h1,h2,h3\n1,2,3\n4,"a\r\nb\rc",6\n"x\ny",8,"z\n"\n9,9,9';
    const bytes = Buffer.from(text);
    for (let cut = 1; cut < bytes.length; cut++) {
      const seen: string[] = [];
      const tok = new CsvTokenizer(0x2c, {
        row(_b, _s, _e, _x, n, line) { seen.push(`${line}-${tok.rowLastLine}:${n}:${tok.spanField}@${tok.spanCloseLine}`); },
      }, 'test.csv');
      tok.push(bytes.subarray(0, cut), false);
      tok.push(bytes.subarray(cut), true);
      expect(seen, `cut at ${cut}`).toEqual(['1-1:3:-1@0', '2-2:3:-1@0', '3-5:3:1@5', '6-8:3:0@7', '9-9:3:-1@0']);
    }
  });

  it('names the line of a quote that is never closed', () => {
    expect(() => tokenize(Buffer.from('a,b\n1,2\n3,"oops\n4,5\n'), ',', [5])).toThrow(/test\.csv, line 3: the quote \(\"\) opening field 2 is never closed/);
  });
});

describe('parseNumber', () => {
  const parse = (s: string) => { const b = Buffer.from(s, 'latin1'); const v = parseNumber(b, 0, b.length); return [v, parsed.status] as const; };

  it('equals Number() exactly on random decimals, including long mantissas and exponents', () => {
    const rand = rng(11);
    for (let i = 0; i < 20000; i++) {
      const digits = 1 + Math.floor(rand() * 19);
      let m = '';
      for (let k = 0; k < digits; k++) m += Math.floor(rand() * 10);
      const dot = Math.floor(rand() * (digits + 1));
      let s = `${rand() < 0.3 ? '-' : ''}${m.slice(0, dot)}${dot < digits ? '.' : ''}${m.slice(dot)}`;
      if (s === '' || s === '-' || s.endsWith('-')) s += '0';
      if (rand() < 0.2) s += `e${rand() < 0.5 ? '-' : '+'}${Math.floor(rand() * 40)}`;
      const [v, st] = parse(s);
      expect(st, s).toBe(OK);
      expect(v, s).toBe(Number(s));
    }
  });

  it('classifies missing, NaN/Inf and unparsable tokens', () => {
    expect(parse('  42 ')).toEqual([42, OK]);
    expect(parse('')[1]).toBe(MISSING);
    expect(parse('NA')[1]).toBe(MISSING);
    expect(parse('null')[1]).toBe(MISSING);
    expect(parse('NaN')).toEqual([NaN, MISSING]); // pandas' missing number: missing, not a NaN warning
    expect(parse(' nan ')[1]).toBe(MISSING);
    expect(parse('-inf')).toEqual([-Infinity, NAN_INF]);
    expect(parse('1e400')).toEqual([Infinity, NAN_INF]);
    for (const bad of ['1.2.3', '12abc', '0x1A', '1,5', 'e5', '--1', '1e', 'abc']) expect(parse(bad)[1], bad).toBe(BAD);
  });
});
