import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { gzipMember, storedBlocks } from '../../lib/archive/gzip-member';

async function member(chunks: string[], storeWhole = false): Promise<Buffer> {
  async function* src() {
    for (const c of chunks) yield Buffer.from(c);
  }
  const out: Buffer[] = [];
  for await (const b of gzipMember(src(), { storeWhole })) out.push(b);
  return Buffer.concat(out);
}

const record = (date: string, body: string) => [
  `WARC/1.1\r\nWARC-Type: response\r\nWARC-Date: ${date}\r\nContent-Length: ${body.length}\r\n\r\n`,
  `HTTP/1.1 200 OK\r\ncontent-type: text/html\r\n\r\n${body}`,
  '\r\n\r\n',
];

describe('one gzip member per WARC record', () => {
  const body = '<p>'.concat('Je suis Internet — 我是互联网 — أنا الإنترنت. '.repeat(300), '</p>');

  it('decompresses to the record, alone and concatenated with others', async () => {
    const a = await member(record('2026-12-06T14:30:00.123Z', body));
    expect(zlib.gunzipSync(a).toString()).toBe(record('2026-12-06T14:30:00.123Z', body).join(''));
    const b = await member(record('2027-01-01T00:00:00.000Z', 'short'));
    expect(zlib.gunzipSync(Buffer.concat([a, b])).toString()).toBe([...record('2026-12-06T14:30:00.123Z', body), ...record('2027-01-01T00:00:00.000Z', 'short')].join(''));
    expect(a.length).toBeLessThan(body.length / 4); // the payload is compressed
  });

  it('has the same size whatever the dates of the same length (the WARC header is stored)', async () => {
    const sizes = new Set<number>();
    for (const date of ['2026-12-06T14:30:00.123Z', '2026-12-06T14:30:01.999Z', '1999-01-01T23:59:59.000Z', '2031-07-15T08:08:08.888Z']) {
      sizes.add((await member(record(date, body))).length);
    }
    expect(sizes.size).toBe(1);
  });

  it('stores a whole record when asked (the warcinfo, whose body has the export date)', async () => {
    const info = (date: string) => [`WARC/1.1\r\nWARC-Type: warcinfo\r\n\r\n`, `export-date: ${date}\r\nsoftware: jesuisinternet\r\n`];
    const a = await member(info('2026-12-06T14:30:00.123Z'), true);
    const b = await member(info('2030-02-28T01:02:03.456Z'), true);
    expect(a.length).toBe(b.length);
    expect(zlib.gunzipSync(b).toString()).toBe(info('2030-02-28T01:02:03.456Z').join(''));
  });

  it('splits stored data into blocks of at most 65,535 bytes', () => {
    const data = Buffer.alloc(70_000, 'x');
    const blocks = storedBlocks(data);
    expect(blocks.length).toBe(70_000 + 2 * 5);
    const final = Buffer.concat([blocks, Buffer.from([0x03, 0x00])]); // an empty final fixed block
    expect(zlib.inflateRawSync(final).equals(data)).toBe(true);
  });
});
