import 'server-only';
/**
 * HTTP adapters of the write paths (app/api/contributions/…): bodies read with a size cap,
 * JSON or forms, answered with JSON and the right status (201/200/400/403/404/409/413/429/503,
 * Retry-After on 429). Same pipeline as the server actions (service.ts).
 */
import { AppError, isAppError } from '../errors';
import type { Outcome } from './service';

export const MAX_BODY_BYTES = 64 * 1024;

/** Reads at most `max` bytes of the body; more is refused without reading it all. */
async function readLimited(request: Request, max: number): Promise<Uint8Array> {
  const declared = Number(request.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > max) throw new AppError('tooLarge', { status: 413 });
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel().catch(() => {});
      throw new AppError('tooLarge', { status: 413 });
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.byteLength;
  }
  return out;
}

/** The request's fields as a plain object (JSON object, urlencoded or multipart form). */
export async function readInput(request: Request): Promise<unknown> {
  const bytes = await readLimited(request, MAX_BODY_BYTES);
  const type = (request.headers.get('content-type') ?? '').toLowerCase();
  if (type.startsWith('multipart/form-data')) {
    try {
      const fd = await new Response(bytes as BodyInit, { headers: { 'content-type': type } }).formData();
      const out: Record<string, string> = {};
      for (const [k, v] of fd.entries()) if (typeof v === 'string') out[k] = v;
      return out;
    } catch {
      throw new AppError('formInvalid', { status: 400 });
    }
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new AppError('formInvalid', { status: 400 }); // invalid UTF-8
  }
  const json = type.startsWith('application/json') || type.endsWith('+json');
  // JSON only when declared (a cross-site page may post text/plain without a CORS preflight);
  // any other or missing type is read as urlencoded, and the use case still validates.
  if (json) {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw new AppError('formInvalid', { status: 400 });
    }
  }
  return Object.fromEntries(new URLSearchParams(text));
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers },
  });

/** Answers an outcome as JSON; `ok` shapes the success body. */
export function respond<T>(outcome: Outcome<T>, ok: (data: T) => unknown): Response {
  if (outcome.ok) return json(outcome.status, ok(outcome.data));
  const headers: Record<string, string> = outcome.retryAfter ? { 'retry-after': String(outcome.retryAfter) } : {};
  return json(
    outcome.status,
    {
      error: outcome.error,
      ...(outcome.fields ? { fields: outcome.fields } : {}),
      ...(outcome.retryAfter ? { retryAfter: outcome.retryAfter } : {}),
    },
    headers,
  );
}

/** A POST handler: read the body (capped), run the use case, answer JSON. */
export function postHandler<T>(
  useCase: (input: unknown, ctx: { headers: Headers }) => Promise<Outcome<T>>,
  ok: (data: T) => unknown,
) {
  return async (request: Request): Promise<Response> => {
    let input: unknown;
    try {
      input = await readInput(request);
    } catch (e) {
      if (isAppError(e, 'tooLarge', 'formInvalid')) return json(e.status, { error: e.code });
      throw e;
    }
    return respond(await useCase(input, { headers: request.headers }), ok);
  };
}

export { json };
