/**
 * Answers a request from the page cache: the stored headers and page with this response's
 * nonce spliced in, gzip'd when the client takes it (compressed once at store time: per hit
 * only the nonce block and the CRC are new). `X-Cache: HIT`.
 */
import type { Exchange } from './pipeline';
import { renderHeaders, type PageCache } from './page-cache';
import { acceptsGzip, renderGzip } from './page-gzip';

/** Whether the cache had the page (`stale`: also an expired or invalidated copy). */
export function sendHit(x: Exchange, cache: PageCache, key: string, stale = false): boolean {
  const { req, res, nonce } = x;
  const hit = cache.get(key, { stale });
  if (!hit) return false;
  cache.hits++;
  res.statusCode = 200;
  for (const [k, v] of renderHeaders(hit, nonce)) res.setHeader(k, v);
  res.setHeader('content-length', hit.bodyLength);
  res.setHeader('x-cache', 'HIT');
  const gzip = hit.gz !== null && acceptsGzip(req.headers['accept-encoding']);
  if (gzip) {
    res.setHeader('content-encoding', 'gzip');
    res.setHeader('content-length', hit.gz!.length);
  }
  if (req.method === 'HEAD') {
    res.end();
    return true;
  }
  res.cork();
  if (gzip) {
    const chunks = renderGzip(hit, nonce);
    for (let i = 0; i < chunks.length - 1; i++) res.write(chunks[i]);
    res.end(chunks[chunks.length - 1]);
    return true;
  }
  // The stored parts and the fresh nonce go out as they are (one writev, no copy of the page).
  const last = hit.parts.length - 1;
  for (let i = 0; i < last; i++) {
    res.write(hit.parts[i]);
    res.write(nonce, 'latin1');
  }
  res.end(hit.parts[last]);
  return true;
}
