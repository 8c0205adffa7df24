/**
 * The archive's WARC file (ISO 28500, WARC/1.1), written with Webrecorder's warcio: one gzip
 * member per record (so any record can be read alone), a `warcinfo` record first, then one
 * `response` record per URL, in the crawl's deterministic order.
 *
 * Reproducible: record ids are derived from the record's content (type, target URI, payload
 * digest), gzip members carry no timestamp, so two exports of the same database differ only by
 * the WARC-Date of each record and the export moment in the warcinfo record. The dates do not even
 * change the file's size: each member keeps the record's WARC header (where WARC-Date is) in a
 * stored, uncompressed deflate block and compresses only the HTTP headers and payload after it
 * (the warcinfo record, small, is stored whole), so the WARC's size is part of what identifies the
 * content (see gzip-member.ts).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import { WARCRecord, WARCSerializer } from 'warcio';
import { gzipMember } from './gzip-member';

/** A deterministic record id: a UUID (version 8, "custom") from a SHA-256 of the given parts. */
export function recordId(...parts: string[]): string {
  const h = crypto.createHash('sha256').update(parts.join('\n')).digest();
  h[6] = (h[6] & 0x0f) | 0x80;
  h[8] = (h[8] & 0x3f) | 0x80;
  const x = h.subarray(0, 16).toString('hex');
  return `<urn:uuid:${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20, 32)}>`;
}

/** warcio's serializer buffers the payload it digests; for a file on disk, it re-reads the file. */
class FileReplayBuffer {
  constructor(private file: string) {}
  write(): void {}
  async *readAll(): AsyncIterable<Uint8Array> {
    for await (const chunk of fs.createReadStream(this.file)) yield chunk as Uint8Array;
  }
  purge(): void {}
}

async function* fileChunks(file: string): AsyncIterable<Uint8Array> {
  for await (const chunk of fs.createReadStream(file)) yield chunk as Uint8Array;
}

export interface WarcResponse {
  url: string;
  date: Date;
  status: number;
  statusText: string;
  headers: [string, string][];
  /** The payload: bytes in memory, or a file to stream. */
  body: Buffer | { file: string };
}

export class WarcWriter {
  private out: fs.WriteStream;
  records = 0;

  constructor(file: string) {
    this.out = fs.createWriteStream(file);
  }

  private async write(record: WARCRecord, buffer?: FileReplayBuffer, storeWhole = false): Promise<void> {
    const serializer = new WARCSerializer(record, { gzip: false }, buffer);
    for await (const chunk of gzipMember(serializer, { storeWhole })) {
      if (!this.out.write(chunk)) await new Promise<void>((r) => this.out.once('drain', () => r()));
    }
    this.records++;
  }

  async info(filename: string, date: Date, fields: Record<string, string>, idParts: string[]): Promise<void> {
    const record = WARCRecord.createWARCInfo(
      { filename, warcVersion: 'WARC/1.1', date: date.toISOString(), warcHeaders: { 'WARC-Record-ID': recordId('warcinfo', ...idParts) } },
      fields,
    );
    await this.write(record, undefined, true);
  }

  async response(r: WarcResponse, payloadSha256: string): Promise<void> {
    const statusline = `HTTP/1.1 ${r.status} ${r.statusText}`;
    const warcHeaders = { 'WARC-Record-ID': recordId('response', r.url, String(r.status), payloadSha256) };
    const opts = { url: r.url, date: r.date.toISOString(), type: 'response' as const, warcVersion: 'WARC/1.1' as const, statusline, httpHeaders: Object.fromEntries(r.headers), warcHeaders };
    if (Buffer.isBuffer(r.body)) {
      const body = r.body;
      await this.write(WARCRecord.create(opts, (async function* () { yield body; })()));
    } else {
      await this.write(WARCRecord.create(opts, fileChunks(r.body.file)), new FileReplayBuffer(r.body.file));
    }
  }

  close(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.out.once('error', reject);
      this.out.end(() => resolve());
    });
  }
}
