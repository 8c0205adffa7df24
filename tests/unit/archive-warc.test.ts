import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { WARCParser } from 'warcio';
import { WarcWriter, recordId } from '@/lib/archive/warc';
import { sha256 } from '@/lib/archive/manifest';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jsi-warc-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function write(file: string, date: Date) {
  const w = new WarcWriter(file);
  await w.info('x.warc.gz', date, { software: 'test', 'exported-at': date.toISOString() }, ['https://jsi.example']);
  const body = Buffer.from('<html lang="zh-Hans"><p>和平</p></html>');
  await w.response({ url: 'https://jsi.example/zh', date, status: 200, statusText: 'OK', headers: [['content-type', 'text/html; charset=utf-8']], body }, sha256(body));
  const big = path.join(dir, 'big.csv');
  fs.writeFileSync(big, 'id,text\n'.repeat(20_000));
  await w.response({ url: 'https://jsi.example/api/open-data/contributions.csv', date, status: 200, statusText: 'OK', headers: [['content-type', 'text/csv']], body: { file: big } }, sha256(fs.readFileSync(big)));
  await w.close();
}

describe('archive WARC', () => {
  it('writes WARC/1.1 records, one gzip member each, that parse back with their payloads', async () => {
    const file = path.join(dir, 'a.warc.gz');
    await write(file, new Date('2026-12-06T10:00:00Z'));
    const bytes = fs.readFileSync(file);
    const parser = new WARCParser(fs.createReadStream(file));
    const seen: string[] = [];
    for await (const r of parser) {
      const member = bytes.subarray(parser.offset, parser.offset + parser.recordLength);
      expect(zlib.gunzipSync(member).subarray(0, 8).toString()).toBe('WARC/1.1');
      const payload = Buffer.from(await r.readFully());
      seen.push(`${r.warcType} ${r.warcTargetURI ?? '-'} ${payload.length}`);
      if (r.warcType === 'response') expect(r.warcPayloadDigest).toMatch(/^sha256:/);
    }
    expect(seen).toEqual([
      expect.stringMatching(/^warcinfo - \d+$/),
      `response https://jsi.example/zh ${Buffer.byteLength('<html lang="zh-Hans"><p>和平</p></html>')}`,
      `response https://jsi.example/api/open-data/contributions.csv ${'id,text\n'.length * 20_000}`,
    ]);
  });

  it('derives record ids from content: a second WARC of the same responses differs only by dates', async () => {
    const a = path.join(dir, 'b1.warc.gz');
    const b = path.join(dir, 'b2.warc.gz');
    await write(a, new Date('2026-12-06T10:00:00Z'));
    await write(b, new Date('2027-01-01T00:00:00Z'));
    const text = (f: string) =>
      zlib
        .gunzipSync(fs.readFileSync(f))
        .toString('latin1')
        .replace(/^(WARC-Date|exported-at): .*$/gm, '');
    expect(text(b)).toBe(text(a));
    expect(recordId('response', 'u', '200', 'x')).toBe(recordId('response', 'u', '200', 'x'));
    expect(recordId('response', 'u', '200', 'x')).not.toBe(recordId('response', 'u', '200', 'y'));
    expect(recordId('a')).toMatch(/^<urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}>$/);
  });
});
