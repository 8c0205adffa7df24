/**
 * Who is asking, without knowing who: the client's network address reduced to a keyed hash
 * (HMAC-SHA256 with CLIENT_HASH_SECRET). The address itself is never stored nor logged.
 *
 * Where the address comes from:
 *  - TRUST_PROXY=true (behind a reverse proxy that appends the address it saw): the last entry
 *    of X-Forwarded-For, i.e. the one our own proxy wrote (entries before it are the client's
 *    claims and could be forged).
 *  - otherwise: the socket address. Next puts it in X-Forwarded-For only when the request had
 *    none, so the production server (lib/server/serve.ts) should pass the socket address in
 *    CLIENT_ADDRESS_HEADER, overwriting whatever a client sent; when that header is present
 *    it is used, else the single X-Forwarded-For value Next filled in.
 */
import { env } from '../env';
import { keyedHash } from './secret';

export const CLIENT_ADDRESS_HEADER = 'x-jsi-client-address';

type HeaderSource = { get(name: string): string | null };

function clean(address: string | undefined | null): string | null {
  if (!address) return null;
  let a = address.trim();
  if (!a || a.length > 100) return null;
  if (a.startsWith('[')) a = a.slice(1, a.indexOf(']') > 0 ? a.indexOf(']') : undefined); // [v6]:port
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(a)) a = a.slice(0, a.lastIndexOf(':')); // v4:port
  if (a.startsWith('::ffff:') && a.includes('.')) a = a.slice(7); // v4-mapped v6
  return a.toLowerCase();
}

/** The client's address as the server sees it (see the rules above), or 'unknown'. */
export function clientAddress(headers: HeaderSource, opts: { trustProxy?: boolean } = {}): string {
  const trustProxy = opts.trustProxy ?? env().TRUST_PROXY;
  const xff = (headers.get('x-forwarded-for') ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  if (trustProxy) {
    return clean(xff.at(-1)) ?? clean(headers.get('x-real-ip')) ?? 'unknown';
  }
  return clean(headers.get(CLIENT_ADDRESS_HEADER)) ?? (xff.length === 1 ? clean(xff[0]) : null) ?? 'unknown';
}

/**
 * The keyed hash of an address. IPv6 addresses are reduced to their /64 (one household or
 * server usually owns a whole /64, and rotating inside it must not reset the limits).
 */
export function hashClientAddress(address: string): string {
  let key = address;
  if (address.includes(':')) {
    const parts = expandV6(address);
    if (parts) key = parts.slice(0, 4).join(':') + '::/64';
  }
  return keyedHash('client', key);
}

function expandV6(a: string): string[] | null {
  const [head, tail] = a.split('::');
  const h = head ? head.split(':') : [];
  const t = tail !== undefined && tail !== '' ? tail.split(':') : [];
  if (a.includes('::')) {
    const fill = 8 - h.length - t.length;
    if (fill < 0) return null;
    return [...h, ...Array(fill).fill('0'), ...t].map((x) => x.replace(/^0+(?=.)/, ''));
  }
  return h.length === 8 ? h.map((x) => x.replace(/^0+(?=.)/, '')) : null;
}

/** The hashed identity of the client of a request. */
export function clientKey(headers: HeaderSource, opts: { trustProxy?: boolean } = {}): string {
  return hashClientAddress(clientAddress(headers, opts));
}
