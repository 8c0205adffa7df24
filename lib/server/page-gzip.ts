/**
 * Gzip for page-cache hits without compressing per hit: a page is compressed once, in parts
 * cut at each occurrence of its CSP nonce, and each hit sends those parts with its own nonce
 * in stored (uncompressed) deflate blocks between them; only the CRC-32 is computed per hit.
 */
import zlib from 'node:zlib';
import type { Entry } from './page-cache';

const GZIP_HEADER = Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0, 0, 0, 0, 0x00, 0xff]);
const FINAL_EMPTY_STORED_BLOCK = Buffer.from([0x01, 0x00, 0x00, 0xff, 0xff]);

/**
 * Compresses the parts of a page once, so that each hit can be sent gzip'd with its own nonce
 * without compressing again: one raw deflate stream, fully flushed after each part (byte
 * aligned, no back-reference across the flush), so that the nonce can go between two parts as a
 * stored block. Per hit, only the CRC-32 of the output is computed (zlib.crc32, fast).
 */
export function gzipParts(parts: Buffer[], nonceLength: number): { parts: Buffer[]; length: number } | null {
  const total = parts.reduce((n, p) => n + p.length, 0);
  if (total < 1024 || nonceLength > 0xffff) return null;
  // Each part its own raw deflate data ending in a full flush instead of a final block.
  const out = parts.map((p) => zlib.deflateRawSync(p, { level: 6, finishFlush: zlib.constants.Z_FULL_FLUSH }));
  const compressed = out.reduce((n, b) => n + b.length, 0);
  const length = GZIP_HEADER.length + compressed + (parts.length - 1) * (5 + nonceLength) + FINAL_EMPTY_STORED_BLOCK.length + 8;
  return length < total ? { parts: out, length } : null;
}

/** The gzip'd response for a hit: segments, the nonce in stored blocks, CRC-32 and size. */
export function renderGzip(entry: Pick<Entry, 'gz' | 'parts' | 'bodyLength'>, nonce: string): Buffer[] {
  const gz = entry.gz!;
  const n = Buffer.from(nonce, 'latin1');
  const stored = Buffer.allocUnsafe(5 + n.length);
  stored[0] = 0x00; // BFINAL=0, BTYPE=00 (stored)
  stored.writeUInt16LE(n.length, 1);
  stored.writeUInt16LE(~n.length & 0xffff, 3);
  n.copy(stored, 5);
  const chunks: Buffer[] = [GZIP_HEADER];
  let crc = 0;
  for (let i = 0; i < gz.parts.length; i++) {
    if (i > 0) {
      chunks.push(stored);
      crc = zlib.crc32(n, crc);
    }
    chunks.push(gz.parts[i]);
    crc = zlib.crc32(entry.parts[i], crc);
  }
  const trailer = Buffer.allocUnsafe(8);
  trailer.writeUInt32LE(crc >>> 0, 0);
  trailer.writeUInt32LE(entry.bodyLength >>> 0, 4);
  chunks.push(FINAL_EMPTY_STORED_BLOCK, trailer);
  return chunks;
}

/** Whether the client takes gzip (Accept-Encoding, q > 0). */
export function acceptsGzip(header: string | string[] | undefined): boolean {
  const v = Array.isArray(header) ? header.join(',') : header;
  if (!v) return false;
  for (const part of v.toLowerCase().split(',')) {
    const [name, ...params] = part.trim().split(';');
    if (name.trim() !== 'gzip' && name.trim() !== '*') continue;
    const q = params.map((x) => x.trim()).find((x) => x.startsWith('q='));
    if (!q || Number(q.slice(2)) > 0) return true;
  }
  return false;
}

