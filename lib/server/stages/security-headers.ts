/**
 * Stage: security headers on every response — pages, API routes, static files, errors, cache
 * hits, refusals — with this exchange's CSP nonce, which Next (and proxy.ts) read from the
 * request headers to stamp their scripts. A private link's page never sends its path as Referer.
 */
import { NONCE_HEADER, isHttpsRequest, isPrivateLinkPath, securityHeaders } from '../../security/headers';
import type { Stage } from '../pipeline';

export function securityHeadersStage(opts: { dev: boolean; trustProxy: boolean }): Stage {
  return (x, next) => {
    const { req, res } = x;
    const encrypted = !!(req.socket as { encrypted?: boolean }).encrypted;
    const https = isHttpsRequest({ encrypted, forwardedProto: req.headers['x-forwarded-proto'], trustProxy: opts.trustProxy });
    const privateLink = x.target !== null && isPrivateLinkPath(x.target.path);
    const headers = securityHeaders({ nonce: x.nonce, https, dev: opts.dev, privateLink });
    for (const name in headers) res.setHeader(name, headers[name]);
    req.headers[NONCE_HEADER] = x.nonce; // overwrites anything the client sent
    req.headers['content-security-policy'] = headers['content-security-policy'];
    delete req.headers['content-security-policy-report-only'];
    next();
  };
}
