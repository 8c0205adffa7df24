/**
 * The last stage: Next's request handler, behind the render gate (lib/server/render-gate.ts):
 * at most RENDER_CONCURRENCY requests inside Next at once, the others queued (at most 5 s,
 * 32 per slot), then shed with a localized 503. Static files and the health check go straight
 * to Next. A request whose client left while it waited never reaches Next.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { RenderGate } from '../render-gate';
import { needsNoDatabase, type Exchange } from '../pipeline';
import type { Refusals } from '../refusals';

export type RequestHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

export function renderStage(opts: { handle: RequestHandler; concurrency: number; refusals: Refusals }): (x: Exchange) => void {
  const gate = new RenderGate({ concurrency: opts.concurrency, maxQueue: opts.concurrency * 32, maxWaitMs: 5_000 });
  const dispatch = ({ req, res }: Exchange) => {
    opts.handle(req, res).catch((err) => {
      console.error('[server] unhandled', err);
      if (!res.headersSent) {
        res.statusCode = 500;
        res.end('Internal Server Error');
      } else {
        res.destroy();
      }
    });
  };
  return (x) => {
    if (needsNoDatabase(x.target!.path)) return dispatch(x);
    const { res } = x;
    const shed = () => {
      if (!res.headersSent && !res.destroyed) opts.refusals.send(x, 'unavailable');
    };
    res.once('close', () => gate.cancel(shed));
    gate.enter((release) => {
      if (res.destroyed) return release(); // the client left while waiting
      res.once('close', release);
      dispatch(x);
    }, shed);
  };
}
