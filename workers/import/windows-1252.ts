// Windows-1252 bytes to text, by hand: Node 20.18.3+ decodes 'windows-1252' with its latin-1 fast path,
// which turns 0x80-0x9F into C1 controls or drops them (nodejs/node#56542, #60888) — exactly the euro sign
// and curly quotes the encoding exists for. It is latin-1 except for those 32 bytes, so a table does.
const HIGH: readonly number[] = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];
const C1 = /[\x80-\x9f]/g;
const mapped = (c: string) => String.fromCharCode(HIGH[c.charCodeAt(0) - 0x80]);

/** The text of Windows-1252 bytes (the five bytes it leaves undefined read as latin-1 does, as C1 controls). */
export function windows1252Text(bytes: Buffer): string {
  return bytes.toString('latin1').replace(C1, mapped);
}

/** Windows-1252 bytes as UTF-8 bytes (what the CSV tokenizer reads). */
export function windows1252ToUtf8(bytes: Buffer): Buffer {
  return Buffer.from(windows1252Text(bytes), 'utf8');
}
