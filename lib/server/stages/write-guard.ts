/**
 * Stage: the write guards Next does not give, before Next, for every non-GET/HEAD request.
 *  - Body size: forms posted to pages (server actions) at most ACTION_BODY_LIMIT, API routes
 *    API_BODY_LIMIT, by Content-Length up front or counted as a chunked body arrives → 413;
 *    a Content-Length that is not a number → 400.
 *  - Origin: a form posted to a page or a server action must come from this site
 *    (lib/security/origin.ts): missing, "null" or foreign → 403. API routes check it themselves
 *    (lib/contributions/service.ts), with the same function.
 * Refusals are localized pages (lib/server/refusals.ts), JSON under /api/.
 */
import type { IncomingMessage } from 'node:http';
import { checkOrigin } from '../../security/origin';
import { ACTION_BODY_LIMIT, API_BODY_LIMIT } from '../limits';
import { headerSource, isSafeMethod, type Exchange, type Stage } from '../pipeline';
import type { Refusals } from '../refusals';

const isApiPath = (path: string) => path === '/api' || path.startsWith('/api/');

/**
 * Counts a chunked body as the HTTP parser pushes it and calls `over()` once it passes `limit`
 * (the request is then destroyed: nothing more reaches Next).
 */
function countBody(req: IncomingMessage, limit: number, over: () => void): void {
  let seen = 0;
  const push = req.push.bind(req);
  (req as { push: typeof req.push }).push = (chunk: unknown, encoding?: BufferEncoding) => {
    if (chunk != null) {
      seen += (chunk as Buffer).length ?? 0;
      if (seen > limit) {
        over();
        req.destroy();
        return false;
      }
    }
    return push(chunk, encoding);
  };
}

/** Whether the body fits: answers 400/413 itself when it does not. */
function capBody(x: Exchange, limit: number, refusals: Refusals): boolean {
  const declared = x.req.headers['content-length'];
  if (declared !== undefined) {
    const n = Number(declared);
    if (!/^\d+$/.test(declared) || !Number.isSafeInteger(n)) {
      refusals.send(x, 'badRequest');
      return false;
    }
    if (n > limit) {
      refusals.send(x, 'tooLarge');
      return false;
    }
    return true;
  }
  countBody(x.req, limit, () => refusals.send(x, 'tooLarge'));
  return true;
}

export function writeGuardStage(opts: { publicUrl?: string; trustProxy: boolean; refusals: Refusals }): Stage {
  return (x, next) => {
    if (isSafeMethod(x.req.method)) return next();
    const path = x.target!.path;
    const api = isApiPath(path);
    if (!capBody(x, api ? API_BODY_LIMIT : ACTION_BODY_LIMIT, opts.refusals)) return;
    const action = !api || x.req.headers['next-action'] !== undefined;
    if (action && !checkOrigin(headerSource(x.req.headers), { publicUrl: opts.publicUrl, trustProxy: opts.trustProxy }).ok) {
      return opts.refusals.send(x, 'forbidden');
    }
    next();
  };
}
