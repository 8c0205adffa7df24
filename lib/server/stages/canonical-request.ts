/**
 * Stage: the request Next sees is the one we can vouch for.
 *  - The target is normalised (dot segments, also percent-encoded, resolved as Next would), so
 *    that every later stage judges the path Next will route: `/api/../fr/x` is the page
 *    `/fr/x`. A target that is not a path is a localized 400.
 *  - Forwarding headers only from a proxy we trust: with TRUST_PROXY=0 every `X-Forwarded-*`,
 *    `Forwarded`, `X-Real-IP`, `X-Original-URL` and `X-Rewrite-URL` is removed (next-intl and
 *    Auth.js would build absolute URLs from them, and the page cache would store those).
 *    `Forwarded`, `X-Original-URL` and `X-Rewrite-URL` are removed in any case: nothing here
 *    reads them, and some frameworks route on them.
 *  - With PUBLIC_URL, Host and X-Forwarded-Proto are PUBLIC_URL's: absolute URLs come from it,
 *    whatever the client sent, so a cached page is the same for every Host.
 *  - The socket address for rate limits (lib/security/client.ts), overwriting a client's own.
 */
import { CLIENT_ADDRESS_HEADER } from '../../security/client';
import type { Refusals } from '../refusals';
import type { Stage } from '../pipeline';

const ALWAYS_REMOVED = ['forwarded', 'x-original-url', 'x-rewrite-url'];

/** Removes the forwarding headers a request may not bring (see above), in place. */
export function removeUntrustedForwarding(headers: Record<string, unknown>, trustProxy: boolean): void {
  for (const name of Object.keys(headers)) {
    const n = name.toLowerCase();
    if (ALWAYS_REMOVED.includes(n) || (!trustProxy && (n.startsWith('x-forwarded-') || n === 'x-real-ip'))) delete headers[name];
  }
}

export function canonicalRequestStage(opts: { publicUrl?: string; trustProxy: boolean; refusals: Refusals }): Stage {
  const pub = opts.publicUrl ? new URL(opts.publicUrl) : null;
  return (x, next) => {
    const { req } = x;
    if (!x.target) return opts.refusals.send(x, 'badRequest');
    req.url = x.target.path + x.target.search;
    removeUntrustedForwarding(req.headers, opts.trustProxy);
    if (pub) {
      req.headers.host = pub.host;
      req.headers['x-forwarded-proto'] = pub.protocol.slice(0, -1);
      delete req.headers['x-forwarded-host'];
      delete req.headers['x-forwarded-port'];
    }
    req.headers[CLIENT_ADDRESS_HEADER] = req.socket.remoteAddress ?? '';
    next();
  };
}
