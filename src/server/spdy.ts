// SPDY/3.1 framing, the server side of what kubectl's port-forward speaks (moby/spdystream under
// k8s.io/apimachinery pkg/util/httpstream/spdy): control frames (SYN_STREAM, SYN_REPLY, RST_STREAM,
// SETTINGS, PING, GOAWAY, HEADERS, WINDOW_UPDATE) and data frames, header blocks compressed with zlib
// against the SPDY/3 dictionary (draft 3, section 2.6.10.1).
// Compression: the peer's header blocks form one zlib stream across the connection, so each block is
// inflated together with the ones before it (connections carry a few short blocks per forwarded
// connection). Ours are written as stored (uncompressed) deflate blocks after a zlib header naming the
// dictionary, each ended by an empty stored block like a sync flush: valid for any zlib reader, and needing
// no compression state.
import { constants, inflateSync } from 'node:zlib';

/** SPDY protocol version. */
export const SPDY_VERSION = 3;

/** Control frame types. */
export const FrameType = { SynStream: 1, SynReply: 2, RstStream: 3, Settings: 4, Ping: 6, GoAway: 7, Headers: 8, WindowUpdate: 9 } as const;

/** FLAG_FIN (control and data frames). */
export const FLAG_FIN = 0x01;

/** RST_STREAM status codes used here. */
export const RstStatus = { ProtocolError: 1, InvalidStream: 2, RefusedStream: 3, Cancel: 5 } as const;

/** A parsed frame. */
export type SpdyFrame =
  | { control: true; type: number; flags: number; data: Buffer }
  | { control: false; streamId: number; flags: number; data: Buffer };

// The dictionary: length-prefixed header names and common values, then a run of common text.
const DICTIONARY_WORDS = [
  'options', 'head', 'post', 'put', 'delete', 'trace', 'accept', 'accept-charset', 'accept-encoding', 'accept-language',
  'accept-ranges', 'age', 'allow', 'authorization', 'cache-control', 'connection', 'content-base', 'content-encoding',
  'content-language', 'content-length', 'content-location', 'content-md5', 'content-range', 'content-type', 'date', 'etag',
  'expect', 'expires', 'from', 'host', 'if-match', 'if-modified-since', 'if-none-match', 'if-range', 'if-unmodified-since',
  'last-modified', 'location', 'max-forwards', 'pragma', 'proxy-authenticate', 'proxy-authorization', 'range', 'referer',
  'retry-after', 'server', 'te', 'trailer', 'transfer-encoding', 'upgrade', 'user-agent', 'vary', 'via', 'warning',
  'www-authenticate', 'method', 'get', 'status', '200 OK', 'version', 'HTTP/1.1', 'url', 'public', 'set-cookie', 'keep-alive',
  'origin',
];
const DICTIONARY_TAIL = '100101201202205206300302303304305306307402405406407408409410411412413414415416417502504505'
  + '203 Non-Authoritative Information204 No Content301 Moved Permanently400 Bad Request401 Unauthorized403 Forbidden'
  + '404 Not Found500 Internal Server Error501 Not Implemented503 Service UnavailableJan Feb Mar Apr May Jun Jul Aug '
  + 'Sept Oct Nov Dec 00:00:00 Mon, Tue, Wed, Thu, Fri, Sat, Sun, GMTchunked,text/html,image/png,image/jpg,image/gif,'
  + 'application/xml,application/xhtml+xml,text/plain,text/javascript,publicprivatemax-age=gzip,deflate,sdch'
  + 'charset=utf-8charset=iso-8859-1,utf-,*,enq=0.';

/** The SPDY/3 header compression dictionary (1,423 bytes). */
export const HEADER_DICTIONARY: Buffer = Buffer.concat([
  ...DICTIONARY_WORDS.map((w) => { const b = Buffer.alloc(4 + w.length); b.writeUInt32BE(w.length, 0); b.write(w, 4, 'latin1'); return b; }),
  Buffer.from(DICTIONARY_TAIL, 'latin1'),
]);

function adler32(buf: Buffer): number {
  let a = 1;
  let b = 0;
  for (const x of buf) {
    a = (a + x) % 65521;
    b = (b + a) % 65521;
  }
  return ((b << 16) | a) >>> 0;
}

/** Header names and values (names lower-case, as SPDY requires; several values are joined by NUL). */
export type SpdyHeaders = Map<string, string>;

function encodeHeaderBlock(h: SpdyHeaders): Buffer {
  const parts: Buffer[] = [];
  const n = Buffer.alloc(4);
  n.writeUInt32BE(h.size, 0);
  parts.push(n);
  for (const [k, v] of h) {
    for (const s of [k.toLowerCase(), v]) {
      const b = Buffer.from(s, 'utf8');
      const len = Buffer.alloc(4);
      len.writeUInt32BE(b.length, 0);
      parts.push(len, b);
    }
  }
  return Buffer.concat(parts);
}

function decodeHeaderBlock(b: Buffer): SpdyHeaders {
  const h: SpdyHeaders = new Map();
  if (b.length < 4) throw new Error('short header block');
  const count = b.readUInt32BE(0);
  let off = 4;
  const str = () => {
    if (off + 4 > b.length) throw new Error('short header block');
    const len = b.readUInt32BE(off);
    off += 4;
    if (off + len > b.length) throw new Error('short header block');
    const s = b.toString('utf8', off, off + len);
    off += len;
    return s;
  };
  for (let i = 0; i < count; i++) {
    const k = str();
    h.set(k.toLowerCase(), str());
  }
  return h;
}

/** One connection's header compression: the peer's zlib stream in, stored blocks out. */
export class HeaderCodec {
  private received: Buffer[] = [];
  private inflated = 0;
  private sentHeader = false;

  /** Decodes the next header block the peer sent. */
  decode(block: Buffer): SpdyHeaders {
    this.received.push(block);
    const all = inflateSync(Buffer.concat(this.received), { dictionary: HEADER_DICTIONARY, finishFlush: constants.Z_SYNC_FLUSH });
    const mine = all.subarray(this.inflated);
    this.inflated = all.length;
    return decodeHeaderBlock(mine);
  }

  /** Encodes a header block to send (the first one starts the zlib stream). */
  encode(h: SpdyHeaders): Buffer {
    const raw = encodeHeaderBlock(h);
    const parts: Buffer[] = [];
    if (!this.sentHeader) {
      this.sentHeader = true;
      // CMF 0x78 (deflate, 32K window), FLG 0x20 (FDICT; 0x7820 is a multiple of 31), then the dictionary's Adler-32.
      const head = Buffer.from([0x78, 0x20, 0, 0, 0, 0]);
      head.writeUInt32BE(adler32(HEADER_DICTIONARY), 2);
      parts.push(head);
    }
    for (let off = 0; off < raw.length; off += 0xffff) {
      const chunk = raw.subarray(off, Math.min(raw.length, off + 0xffff));
      const stored = Buffer.alloc(5);
      stored[0] = 0x00; // BFINAL 0, BTYPE 00 (stored)
      stored.writeUInt16LE(chunk.length, 1);
      stored.writeUInt16LE(~chunk.length & 0xffff, 3);
      parts.push(stored, chunk);
    }
    // An empty stored block ends every header block, as a zlib sync flush does: it is what makes the reader
    // hand over the data before it would need the next frame's bytes.
    parts.push(Buffer.from([0x00, 0x00, 0x00, 0xff, 0xff]));
    return Buffer.concat(parts);
  }
}

/** Parses frames out of a buffer; returns what is left of an incomplete frame. */
export function parseSpdyFrames(buf: Buffer, onFrame: (f: SpdyFrame) => void): Buffer {
  for (;;) {
    if (buf.length < 8) return buf;
    const len = buf.readUIntBE(5, 3);
    if (buf.length < 8 + len) return buf;
    const flags = buf[4];
    const data = Buffer.from(buf.subarray(8, 8 + len));
    if (buf[0] & 0x80) onFrame({ control: true, type: buf.readUInt16BE(2), flags, data });
    else onFrame({ control: false, streamId: buf.readUInt32BE(0) & 0x7fffffff, flags, data });
    buf = buf.subarray(8 + len);
  }
}

function controlFrame(type: number, flags: number, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt16BE(0x8000 | SPDY_VERSION, 0);
  head.writeUInt16BE(type, 2);
  head[4] = flags;
  head.writeUIntBE(data.length, 5, 3);
  return Buffer.concat([head, data]);
}

const u32 = (...xs: number[]) => {
  const b = Buffer.alloc(4 * xs.length);
  xs.forEach((x, i) => b.writeUInt32BE(x >>> 0, 4 * i));
  return b;
};

/** SYN_REPLY for a stream, with its (encoded) header block. */
export function synReplyFrame(streamId: number, headerBlock: Buffer, flags = 0): Buffer {
  return controlFrame(FrameType.SynReply, flags, Buffer.concat([u32(streamId & 0x7fffffff), headerBlock]));
}

/** RST_STREAM. */
export function rstStreamFrame(streamId: number, status: number): Buffer {
  return controlFrame(FrameType.RstStream, 0, u32(streamId & 0x7fffffff, status));
}

/** PING (answered with the same id). */
export function pingFrame(id: number): Buffer {
  return controlFrame(FrameType.Ping, 0, u32(id));
}

/** GOAWAY. */
export function goAwayFrame(lastGoodStreamId: number, status = 0): Buffer {
  return controlFrame(FrameType.GoAway, 0, u32(lastGoodStreamId & 0x7fffffff, status));
}

/** A data frame (at most 16 MiB − 1 bytes; FLAG_FIN half-closes the stream). */
export function dataFrame(streamId: number, data: Buffer, flags = 0): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(streamId & 0x7fffffff, 0);
  head[4] = flags;
  head.writeUIntBE(data.length, 5, 3);
  return Buffer.concat([head, data]);
}

/** The stream id, priority-free fields and header block of a SYN_STREAM's data. */
export function readSynStream(data: Buffer): { streamId: number; block: Buffer } {
  if (data.length < 10) throw new Error('short SYN_STREAM');
  return { streamId: data.readUInt32BE(0) & 0x7fffffff, block: data.subarray(10) };
}
