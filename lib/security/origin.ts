/**
 * Cross-site request forgery defence for every write path: the request must say where it
 * comes from (Origin), and that must be this site. A missing Origin, the opaque "null"
 * (sandboxed frames, some redirects, file://) or another site is refused. Next's own check on
 * server actions lets a missing Origin through; this one does not.
 */
import { env } from '../env';

type HeaderSource = { get(name: string): string | null };

export type OriginVerdict = { ok: true } | { ok: false; reason: 'missing' | 'null' | 'malformed' | 'foreign' };

function hostOf(origin: string): string | null {
  try {
    const u = new URL(origin);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    return u.host.toLowerCase();
  } catch {
    return null;
  }
}

/**
 * With PUBLIC_URL, accepts only its origin (scheme, host and port): a Host header proves
 * nothing (DNS rebinding gives a hostile page our address under its own name). Without it (a
 * local start), accepts when Origin's host equals the request's Host (X-Forwarded-Host behind
 * a trusted proxy).
 */
export function checkOrigin(
  headers: HeaderSource,
  opts: { publicUrl?: string; trustProxy?: boolean } = {},
): OriginVerdict {
  const e = opts.publicUrl === undefined || opts.trustProxy === undefined ? env() : null;
  const publicUrl = opts.publicUrl ?? e?.PUBLIC_URL;
  const trustProxy = opts.trustProxy ?? e?.TRUST_PROXY ?? false;
  const origin = headers.get('origin');
  if (origin === null || origin.trim() === '') return { ok: false, reason: 'missing' };
  if (origin.trim().toLowerCase() === 'null') return { ok: false, reason: 'null' };
  const host = hostOf(origin.trim());
  if (!host) return { ok: false, reason: 'malformed' };
  if (headers.get('sec-fetch-site') === 'cross-site') return { ok: false, reason: 'foreign' };
  if (publicUrl) return new URL(publicUrl).origin === new URL(origin.trim()).origin ? { ok: true } : { ok: false, reason: 'foreign' };
  const forwarded = trustProxy ? headers.get('x-forwarded-host')?.split(',')[0]?.trim() : undefined;
  const requestHost = (forwarded || headers.get('host') || '').toLowerCase();
  if (requestHost && requestHost === host) return { ok: true };
  return { ok: false, reason: 'foreign' };
}

/** This site's origin for absolute links shown to people (PUBLIC_URL, else the request's host). */
export function siteOrigin(headers: HeaderSource): string {
  const pub = env().PUBLIC_URL;
  if (pub) return new URL(pub).origin;
  const host = headers.get('host') ?? 'localhost';
  const proto = headers.get('x-forwarded-proto')?.split(',')[0]?.trim() === 'https' ? 'https' : 'http';
  return `${proto}://${host}`;
}
