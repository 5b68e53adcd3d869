import { describe, expect, it } from 'vitest';
import { base64Decode, base64Encode, CorruptInputError } from './go-base64';
import { canonicalTime, GoTimeParseError } from './go-time';
import { decodeQuantity, ERR_FORMAT_WRONG, ERR_SUFFIX } from './go-quantity';
import { goJsonMarshal } from './go-json';

describe('base64 as Go decodes it', () => {
  it.each([
    { name: 'empty', in: '', out: '' },
    { name: 'padded', in: 'YWRtaW4=', out: 'admin' },
    { name: 'two pads', in: 'YQ==', out: 'a' },
    { name: 'newlines skipped', in: 'YW\r\nRt\naW4=', out: 'admin' },
  ])('decodes $name', ({ in: s, out }) => {
    expect(new TextDecoder().decode(base64Decode(s))).toBe(out);
  });

  it.each([
    { name: 'a placeholder', in: '<base64-encoded-username>', at: 0 },
    { name: 'a bad byte in the second quantum', in: 'YWRt!W4=', at: 4 },
    { name: 'a short final quantum', in: 'YWRtaW4', at: 4 },
    { name: 'a single trailing byte', in: 'YWRtaW4=a', at: 8 },
    { name: 'padding too early', in: 'Y===', at: 1 },
    { name: 'a lone pad where two are needed', in: 'YQ=', at: 3 },
    { name: 'a pad followed by garbage', in: 'YQ=a', at: 2 },
    { name: 'a space', in: 'YW Rt', at: 2 },
    { name: 'a multi-byte rune counts in bytes', in: 'ééé', at: 0 },
    { name: 'url alphabet', in: 'YW-t', at: 2 },
  ])('rejects $name at byte $at', ({ in: s, at }) => {
    expect(() => base64Decode(s)).toThrow(new CorruptInputError(at));
    expect(new CorruptInputError(at).message).toBe(`illegal base64 data at input byte ${at}`);
  });

  it('encodes with padding', () => {
    expect(base64Encode(new TextEncoder().encode('s3cr3t!'))).toBe('czNjcjN0IQ==');
    expect(base64Encode(new Uint8Array([0, 1, 2]))).toBe('AAEC');
  });
});

describe('metav1.Time and MicroTime', () => {
  it.each([
    { name: 'UTC', in: '2024-05-01T10:00:00Z', micro: false, out: '2024-05-01T10:00:00Z' },
    { name: 'an offset', in: '2024-05-01T01:30:00-08:30', micro: false, out: '2024-05-01T10:00:00Z' },
    { name: 'a fraction the layout does not name', in: '2024-05-01T10:00:00.999999999Z', micro: false, out: '2024-05-01T10:00:00Z' },
    { name: 'across midnight and a leap day', in: '2024-02-29T23:30:00-01:00', micro: false, out: '2024-03-01T00:30:00Z' },
    { name: 'a one-digit hour', in: '2024-05-01T9:00:00Z', micro: false, out: '2024-05-01T09:00:00Z' },
    { name: 'microseconds', in: '2024-05-01T10:00:00.000042+00:00', micro: true, out: '2024-05-01T10:00:00.000042Z' },
  ])('canonicalizes $name', ({ in: s, micro, out }) => {
    expect(canonicalTime(s, micro)).toBe(out);
  });

  const L = '"2006-01-02T15:04:05Z07:00"';
  it.each([
    { name: 'a date only', in: '2024-05-01', want: `parsing time "2024-05-01" as ${L}: cannot parse "" as "T"` },
    { name: 'words', in: 'yesterday', want: `parsing time "yesterday" as ${L}: cannot parse "yesterday" as "2006"` },
    { name: 'month 13', in: '2024-13-01T00:00:00Z', want: 'parsing time "2024-13-01T00:00:00Z": month out of range' },
    { name: 'hour 24', in: '2024-05-01T24:00:00Z', want: 'parsing time "2024-05-01T24:00:00Z": hour out of range' },
    { name: 'February 30', in: '2024-02-30T00:00:00Z', want: 'parsing time "2024-02-30T00:00:00Z": day out of range' },
    { name: 'no zone', in: '2024-05-01T10:00:00', want: `parsing time "2024-05-01T10:00:00" as ${L}: cannot parse "" as "Z07:00"` },
    { name: 'a short zone', in: '2024-05-01T10:00:00+01', want: `parsing time "2024-05-01T10:00:00+01" as ${L}: cannot parse "+01" as "Z07:00"` },
    { name: 'extra text', in: '2024-05-01T10:00:00Zed', want: 'parsing time "2024-05-01T10:00:00Zed": extra text: "ed"' },
  ])('rejects $name', ({ in: s, want }) => {
    expect(() => canonicalTime(s, false)).toThrow(new GoTimeParseError(want));
  });
});

describe('quantities as the decoder reads them', () => {
  it.each([
    { in: '0.5', out: '500m' }, { in: '1024Mi', out: '1Gi' }, { in: '1.5Gi', out: '1536Mi' }, { in: ' 2Gi ', out: '2Gi' },
    { in: '1e3', out: '1e3' }, { in: '2000m', out: '2' }, { in: '1.', out: '1' }, { in: '.5', out: '500m' }, { in: '+1', out: '1' },
  ])('$in → $out', ({ in: s, out }) => {
    expect(decodeQuantity(s)).toEqual({ value: out });
  });

  it.each([
    { in: '', err: ERR_FORMAT_WRONG }, { in: '1Gb', err: ERR_FORMAT_WRONG }, { in: '1 Gi', err: ERR_FORMAT_WRONG },
    { in: 'abc', err: ERR_FORMAT_WRONG }, { in: 'true', err: ERR_FORMAT_WRONG }, { in: '{"a":1}', err: ERR_FORMAT_WRONG },
    { in: '1GG', err: ERR_SUFFIX }, { in: '2K', err: ERR_SUFFIX }, { in: '1e', err: ERR_SUFFIX }, { in: '1Ki5', err: ERR_SUFFIX },
  ])('$in fails: $err', ({ in: s, err }) => {
    expect(decodeQuantity(s)).toEqual({ error: err });
  });
});

describe('goJsonMarshal', () => {
  it('sorts keys and escapes HTML characters as json.Marshal does', () => {
    expect(goJsonMarshal({ b: 1, a: ['<x>', true, null], c: { '&': 1.5 } })).toBe('{"a":["\\u003cx\\u003e",true,null],"b":1,"c":{"\\u0026":1.5}}');
  });
});
