// Windows-1252 as Excel on Windows writes it: the euro sign and curly quotes at 0x80-0x9F, latin-1 above.
import { describe, expect, it } from 'vitest';
import { windows1252Text, windows1252ToUtf8 } from './windows-1252';

describe('Windows-1252 bytes', () => {
  it('read € „ “ ” ‘ ’ – — … ™ Š Œ Ž š œ ž Ÿ ƒ where latin-1 has C1 controls, and é ü ß as latin-1', () => {
    const bytes = Buffer.from([0x80, 0x84, 0x93, 0x94, 0x91, 0x92, 0x96, 0x97, 0x85, 0x99, 0x8a, 0x8c, 0x8e, 0x9a, 0x9c, 0x9e, 0x9f, 0x83, 0x20, 0xe9, 0xfc, 0xdf]);
    expect(windows1252Text(bytes)).toBe('€„“”‘’–—…™ŠŒŽšœžŸƒ éüß');
    expect(windows1252ToUtf8(Buffer.from('461,13 \x80', 'latin1')).toString('utf8')).toBe('461,13 €');
  });

  it('the five bytes Windows-1252 leaves undefined stay what latin-1 reads', () => {
    expect(windows1252Text(Buffer.from([0x81, 0x8d, 0x8f, 0x90, 0x9d]))).toBe('\u0081\u008d\u008f\u0090\u009d');
  });
});
