/**
 * Security headers for every response (pages, API routes, static files): pure helpers used by
 * the production server (lib/server/serve.ts, every response) and by proxy.ts (the per-request
 * CSP nonce that Next stamps on its own inline and framework scripts).
 *
 * No imports: safe in the proxy, the server and unit tests.
 */

/** Request header carrying this request's nonce from the server / proxy to Next's renderer. */
export const NONCE_HEADER = 'x-nonce';

/** 18 random bytes → 24 base64url characters, no padding (CSP base64-value, safe in HTML). */
const NONCE_RE = /^[A-Za-z0-9_-]{22,64}$/;

export function generateNonce(): string {
  const bytes = new Uint8Array(18);
  globalThis.crypto.getRandomValues(bytes);
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_');
}

/** A nonce we may reuse (one our own server generated), or null. */
export function validNonce(value: string | null | undefined): string | null {
  return typeof value === 'string' && NONCE_RE.test(value) ? value : null;
}

export interface CspOptions {
  nonce: string;
  /** next dev needs eval (React's dev tools) and a websocket for hot reload. */
  dev?: boolean;
}

/**
 * The Content-Security-Policy: scripts only from this origin and with this response's nonce
 * (no 'unsafe-inline'), styles from this origin or with the nonce, nothing embeddable, no
 * plugins, no <base>, forms only to this origin. No third-party origin anywhere.
 */
export function contentSecurityPolicy({ nonce, dev = false }: CspOptions): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'${dev ? " 'unsafe-eval'" : ''}`,
    `style-src 'self' 'nonce-${nonce}'`,
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${dev ? ' ws: wss:' : ''}`,
    "media-src 'self'",
    "manifest-src 'self'",
    "worker-src 'self'",
    "frame-src 'none'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** The nonce inside a CSP header value (the form Next itself parses), or null. */
export function nonceFromCsp(csp: string | null | undefined): string | null {
  if (!csp) return null;
  const m = /'nonce-([A-Za-z0-9+/_-]+={0,2})'/.exec(csp);
  return m ? m[1] : null;
}

/**
 * Powerful features no page of ours uses, turned off. Only names Chromium recognises: an
 * unknown one (e.g. `bluetooth`, which has no Permissions-Policy feature there) is reported in
 * the console of every page (tests/e2e/security.spec.ts checks there is none).
 */
export const PERMISSIONS_POLICY = [
  'accelerometer=()',
  'autoplay=()',
  'browsing-topics=()',
  'camera=()',
  'display-capture=()',
  'geolocation=()',
  'gyroscope=()',
  'hid=()',
  'interest-cohort=()',
  'magnetometer=()',
  'microphone=()',
  'midi=()',
  'payment=()',
  'publickey-credentials-get=()',
  'serial=()',
  'usb=()',
  'xr-spatial-tracking=()',
].join(', ');

export const HSTS = 'max-age=63072000; includeSubDomains';

export interface SecurityHeaderOptions extends CspOptions {
  https: boolean;
  /** A private-link page (/{locale}/my/{token}): its path is a secret. */
  privateLink?: boolean;
}

/**
 * Where the path may go as Referer. Everywhere: same-origin requests get the whole URL, other
 * origins only ours. A private link: never its path, to anyone (`strict-origin`), yet a form
 * posted from it still carries a real Origin, which the write guard requires (`no-referrer`
 * would make the browser send `Origin: null`).
 */
export const REFERRER_POLICY = 'strict-origin-when-cross-origin';
export const PRIVATE_REFERRER_POLICY = 'strict-origin';

/** A private-link page: /{locale}/my/… (the token is in the path). */
export function isPrivateLinkPath(path: string): boolean {
  return /^\/[a-z]{2}\/my(?:\/|$)/.test(path);
}

/** Every security header of a response, by name (lower case). */
export function securityHeaders(opts: SecurityHeaderOptions): Record<string, string> {
  const h: Record<string, string> = {
    'content-security-policy': contentSecurityPolicy(opts),
    'x-content-type-options': 'nosniff',
    'referrer-policy': opts.privateLink ? PRIVATE_REFERRER_POLICY : REFERRER_POLICY,
    'permissions-policy': PERMISSIONS_POLICY,
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
    'x-frame-options': 'DENY',
    'origin-agent-cluster': '?1',
    'x-dns-prefetch-control': 'off',
    'x-permitted-cross-domain-policies': 'none',
  };
  if (opts.https) h['strict-transport-security'] = HSTS;
  return h;
}

/**
 * Whether the client reached us over HTTPS: the socket itself is TLS, or (only when
 * TRUST_PROXY is set, i.e. a reverse proxy we trust terminates TLS) X-Forwarded-Proto says so.
 */
export function isHttpsRequest(opts: { encrypted: boolean; forwardedProto: string | string[] | undefined; trustProxy: boolean }): boolean {
  if (opts.encrypted) return true;
  if (!opts.trustProxy) return false;
  const raw = Array.isArray(opts.forwardedProto) ? opts.forwardedProto[0] : opts.forwardedProto;
  // "https, http": the first value is the client-facing hop.
  return (raw ?? '').split(',')[0].trim().toLowerCase() === 'https';
}
