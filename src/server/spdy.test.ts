import { constants, createDeflate, inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { dataFrame, FLAG_FIN, HEADER_DICTIONARY, HeaderCodec, parseSpdyFrames, synReplyFrame, type SpdyFrame } from './spdy';
import { parseHttpRequest, serializeResponse } from './serve-portforward';

// What a Go client sends: one zlib stream (with the dictionary) across the connection, sync-flushed per block.
async function goLikeBlocks(blocks: Buffer[]): Promise<Buffer[]> {
  const z = createDeflate({ dictionary: HEADER_DICTIONARY, level: 9 });
  const out: Buffer[] = [];
  for (const b of blocks) {
    z.write(b);
    await new Promise<void>((r) => z.flush(constants.Z_SYNC_FLUSH, () => r()));
    const parts: Buffer[] = [];
    for (let c = z.read() as Buffer | null; c; c = z.read() as Buffer | null) parts.push(c);
    out.push(Buffer.concat(parts));
  }
  return out;
}

function rawBlock(pairs: [string, string][]): Buffer {
  const parts = [Buffer.from([0, 0, 0, pairs.length])];
  for (const [k, v] of pairs) for (const s of [k, v]) parts.push(Buffer.from([0, 0, 0, s.length]), Buffer.from(s));
  return Buffer.concat(parts);
}

describe('SPDY/3 header blocks', () => {
  it('has the 1,423-byte dictionary that ends "enq=0."', () => {
    expect(HEADER_DICTIONARY.length).toBe(1423);
    expect(HEADER_DICTIONARY.subarray(0, 11)).toEqual(Buffer.from('\0\0\0\x07options', 'latin1'));
    expect(HEADER_DICTIONARY.subarray(-6).toString()).toBe('enq=0.');
  });
  it('decodes a peer\'s blocks compressed as one stream', async () => {
    const blocks = await goLikeBlocks([rawBlock([['streamtype', 'error'], ['port', '80'], ['requestid', '0']]),
      rawBlock([['streamtype', 'data'], ['port', '80'], ['requestid', '0']])]);
    const c = new HeaderCodec();
    expect([...c.decode(blocks[0])]).toEqual([['streamtype', 'error'], ['port', '80'], ['requestid', '0']]);
    expect([...c.decode(blocks[1])]).toEqual([['streamtype', 'data'], ['port', '80'], ['requestid', '0']]);
  });
  it('encodes blocks a zlib reader with the dictionary reads one by one', () => {
    const c = new HeaderCodec();
    const a = c.encode(new Map());
    const b = c.encode(new Map([['x', 'y']]));
    const both = inflateSync(Buffer.concat([a, b]), { dictionary: HEADER_DICTIONARY, finishFlush: constants.Z_SYNC_FLUSH });
    expect(both).toEqual(Buffer.concat([rawBlock([]), rawBlock([['x', 'y']])]));
    // Each block ends with an empty stored block (a sync flush), so a reader never needs the next frame.
    expect(a.subarray(-5)).toEqual(Buffer.from([0, 0, 0, 0xff, 0xff]));
  });
});

describe('SPDY/3 frames', () => {
  it('parses control and data frames, keeping an incomplete one for later', () => {
    const frames: SpdyFrame[] = [];
    const bytes = Buffer.concat([synReplyFrame(1, Buffer.from([1, 2])), dataFrame(3, Buffer.from('hi'), FLAG_FIN)]);
    const rest = parseSpdyFrames(Buffer.concat([bytes, bytes.subarray(0, 5)]), (f) => frames.push(f));
    expect(rest.length).toBe(5);
    expect(frames).toEqual([
      { control: true, type: 2, flags: 0, data: Buffer.from([0, 0, 0, 1, 1, 2]) },
      { control: false, streamId: 3, flags: FLAG_FIN, data: Buffer.from('hi') },
    ]);
  });
});

describe('HTTP over the data stream', () => {
  it('waits for a whole request, body included', () => {
    const req = Buffer.from('POST /x HTTP/1.1\r\nHost: localhost:8080\r\nContent-Length: 3\r\n\r\nab');
    expect(parseHttpRequest(req)).toBeUndefined();
    const full = parseHttpRequest(Buffer.concat([req, Buffer.from('cGET / HTTP/1.1\r\n\r\n')]));
    expect(full?.request).toEqual({ method: 'POST', path: '/x', headers: { Host: 'localhost:8080', 'Content-Length': '3' }, body: 'abc', remoteAddr: '127.0.0.1' });
    expect(full?.consumed).toBe(req.length + 1);
  });
  it('writes the status line, headers and body; HEAD gets no body', () => {
    const res = { status: 404, headers: { Server: 'nginx/1.27.3' }, body: 'no' };
    expect(serializeResponse(res, 'GET').toString()).toBe('HTTP/1.1 404 Not Found\r\nServer: nginx/1.27.3\r\nContent-Length: 2\r\n\r\nno');
    expect(serializeResponse({ ...res, headers: { 'Content-Length': '2' } }, 'HEAD').toString()).toBe('HTTP/1.1 404 Not Found\r\nContent-Length: 2\r\n\r\n');
  });
});
