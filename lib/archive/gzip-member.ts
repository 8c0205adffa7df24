/**
 * One gzip member (RFC 1952) per WARC record, whose size does not depend on the record's dates: the
 * record's WARC header (up to and including its blank line, where WARC-Date is) goes into stored deflate
 * blocks (RFC 1951 §3.2.4, copied as is), the rest (HTTP headers and payload) through zlib's raw deflate,
 * in the same member. Any gzip reader reads it as usual; two records that differ only in a date of the
 * same length have the same size. The header carries no timestamp (MTIME 0) and no file name.
 */
import zlib from 'node:zlib';

const GZIP_HEADER = Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0, 0, 0, 0, 0x00, 0xff]);
const HEADER_END = Buffer.from('\r\n\r\n');
const MAX_STORED = 0xffff;

/** Stored (uncompressed) deflate blocks, none final: a byte-aligned prefix of a deflate stream. */
export function storedBlocks(data: Buffer): Buffer {
  const parts: Buffer[] = [];
  for (let i = 0; i < data.length; i += MAX_STORED) {
    const chunk = data.subarray(i, i + MAX_STORED);
    const head = Buffer.alloc(5);
    head[0] = 0x00; // BFINAL 0, BTYPE 00 (stored), then padding to the byte
    head.writeUInt16LE(chunk.length, 1);
    head.writeUInt16LE(~chunk.length & 0xffff, 3);
    parts.push(head, chunk);
  }
  return Buffer.concat(parts);
}

async function* deflated(rest: AsyncIterable<Uint8Array>): AsyncIterable<Buffer> {
  const deflate = zlib.createDeflateRaw({ level: 9 });
  const feed = (async () => {
    for await (const chunk of rest) {
      if (!deflate.write(chunk)) await new Promise<void>((r) => deflate.once('drain', () => r()));
    }
    deflate.end();
  })();
  for await (const out of deflate) yield out as Buffer;
  await feed;
}

/**
 * The gzip member of a serialized WARC record (its chunks, uncompressed). With `storeWhole`, the whole
 * record is stored (for a small record whose body holds a date too: the warcinfo).
 */
export async function* gzipMember(record: AsyncIterable<Uint8Array>, opts: { storeWhole?: boolean } = {}): AsyncIterable<Buffer> {
  let crc = 0;
  let size = 0;
  const it = record[Symbol.asyncIterator]();
  // The WARC header: read until its blank line (it is small; in the first chunk in practice).
  let head = Buffer.alloc(0);
  let split = -1;
  while (split < 0) {
    const next = await it.next();
    if (next.done) break;
    head = Buffer.concat([head, Buffer.from(next.value)]);
    if (!opts.storeWhole) split = head.indexOf(HEADER_END);
  }
  const stored = split < 0 ? head : head.subarray(0, split + HEADER_END.length);
  const first = split < 0 ? Buffer.alloc(0) : head.subarray(split + HEADER_END.length);
  yield GZIP_HEADER;
  crc = zlib.crc32(stored, crc);
  size += stored.length;
  yield storedBlocks(stored);
  async function* rest(): AsyncIterable<Uint8Array> {
    if (first.length) yield first;
    for (;;) {
      const next = await it.next();
      if (next.done) return;
      yield next.value;
    }
  }
  for await (const out of deflated(counted(rest()))) yield out;
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(crc >>> 0, 0);
  trailer.writeUInt32LE(size >>> 0, 4);
  yield trailer;

  // Each chunk is copied before the deflate stream holds it: a source may reuse a chunk's memory once it has
  // handed it on (warcio's serializer does), and deflate reads it later than the CRC does.
  async function* counted(src: AsyncIterable<Uint8Array>): AsyncIterable<Uint8Array> {
    for await (const chunk of src) {
      const own = Buffer.from(chunk);
      crc = zlib.crc32(own, crc);
      size += own.length;
      yield own;
    }
  }
}
