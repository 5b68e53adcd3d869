// []byte fields on the wire: base64.StdEncoding strings. Models Go's src/encoding/base64/base64.go
// (Encoding.Decode / decodeQuantum) so that a bad value fails with Go's CorruptInputError text
// ("illegal base64 data at input byte N", N a byte offset into the UTF-8 string).

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DECODE = new Int16Array(256).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) DECODE[ALPHABET.charCodeAt(i)] = i;
const PAD = 0x3d; // '='
const CR = 0x0d;
const LF = 0x0a;

/** base64.CorruptInputError. */
export class CorruptInputError extends Error {
  constructor(readonly offset: number) {
    super(`illegal base64 data at input byte ${offset}`);
  }
}

/** Decodes standard padded base64 as Go does (CR and LF are skipped); throws CorruptInputError. */
export function base64Decode(s: string): Uint8Array {
  const src = new TextEncoder().encode(s);
  const out: number[] = [];
  let si = 0;
  const dbuf = [0, 0, 0, 0];
  while (si < src.length) {
    // One quantum: up to four alphabet bytes, or fewer ended by padding.
    let dlen = 4;
    let trailing: CorruptInputError | undefined;
    for (let j = 0; j < 4; j++) {
      if (si === src.length) {
        if (j === 0) return Uint8Array.from(out);
        // StdEncoding is padded: a short final quantum is corrupt where it began.
        throw new CorruptInputError(si - j);
      }
      const c = src[si++];
      const v = DECODE[c];
      if (v >= 0) {
        dbuf[j] = v;
        continue;
      }
      if (c === LF || c === CR) {
        j--;
        continue;
      }
      if (c !== PAD) throw new CorruptInputError(si - 1);
      // Padding: only after two or three alphabet bytes.
      if (j < 2) throw new CorruptInputError(si - 1);
      if (j === 2) {
        while (si < src.length && (src[si] === LF || src[si] === CR)) si++;
        if (si === src.length) throw new CorruptInputError(src.length);
        if (src[si] !== PAD) throw new CorruptInputError(si - 1);
        si++;
      }
      while (si < src.length && (src[si] === LF || src[si] === CR)) si++;
      if (si < src.length) trailing = new CorruptInputError(si);
      dlen = j;
      break;
    }
    const val = (dbuf[0] << 18) | (dbuf[1] << 12) | (dbuf[2] << 6) | dbuf[3];
    const bytes = [(val >> 16) & 0xff, (val >> 8) & 0xff, val & 0xff];
    for (let k = 0; k < dlen - 1; k++) out.push(bytes[k]);
    if (trailing) throw trailing;
    dbuf[0] = dbuf[1] = dbuf[2] = dbuf[3] = 0;
  }
  return Uint8Array.from(out);
}

/** Encodes bytes as standard padded base64 (what Go writes back for a []byte). */
export function base64Encode(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = bytes.length - i;
    const v = (bytes[i] << 16) | ((n > 1 ? bytes[i + 1] : 0) << 8) | (n > 2 ? bytes[i + 2] : 0);
    out += ALPHABET[(v >> 18) & 63] + ALPHABET[(v >> 12) & 63]
      + (n > 1 ? ALPHABET[(v >> 6) & 63] : '=') + (n > 2 ? ALPHABET[v & 63] : '=');
  }
  return out;
}
