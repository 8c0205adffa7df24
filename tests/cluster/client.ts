/**
 * Requests of the cluster test: HTTPS through nginx (trusting only this run's certificate) or
 * HTTP straight to an instance, from a chosen loopback address (127.x.y.z: each is a distinct
 * client for nginx, so rate limits per client apply as for real visitors), one connection each.
 */
import crypto from 'node:crypto';
import http from 'node:http';
import https from 'node:https';

export interface Reply {
  status: number | null;
  headers: http.IncomingHttpHeaders;
  body: string;
  ms: number;
  /** When the request was started (ms since epoch). */
  at: number;
}

export interface RequestOptions {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  from?: string;
  timeoutMs?: number;
}

let ca: string | undefined;
export function trustCertificate(pem: string): void {
  ca = pem;
}

export function request(url: string, opts: RequestOptions = {}): Promise<Reply> {
  const at = Date.now();
  const u = new URL(url);
  const lib = u.protocol === 'https:' ? https : http;
  return new Promise((resolve) => {
    const done = (status: number | null, headers: http.IncomingHttpHeaders = {}, body = '') => resolve({ status, headers, body, ms: Date.now() - at, at });
    const req = lib.request(
      url,
      {
        method: opts.method ?? 'GET',
        headers: { ...(opts.body !== undefined ? { 'content-length': String(Buffer.byteLength(opts.body)) } : {}), ...opts.headers },
        localAddress: opts.from,
        agent: false,
        ca,
        timeout: opts.timeoutMs ?? 20_000,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(res.statusCode ?? null, res.headers, Buffer.concat(chunks).toString('utf8')));
        res.on('error', () => done(null));
      },
    );
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', () => done(null));
    req.end(opts.body);
  });
}

/** A loopback address for client number n (127.1.0.1 … 127.254.255.254). */
export function clientAddress(n: number): string {
  const k = n + 1;
  return `127.${1 + ((k >> 16) % 254)}.${(k >> 8) & 255}.${Math.max(1, k & 255)}`;
}

/** The cookies of a response, as a Cookie header value (name=value; …). */
export function cookiesOf(reply: Reply, previous = ''): string {
  const jar = new Map(previous.split('; ').filter(Boolean).map((c) => c.split('=', 2) as [string, string]));
  for (const line of reply.headers['set-cookie'] ?? []) {
    const [pair] = line.split(';');
    const i = pair.indexOf('=');
    jar.set(pair.slice(0, i), pair.slice(i + 1));
  }
  return [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
}

export interface Contribution {
  question: string;
  pseudonym: string;
  body: string;
  language: string;
  consent: true;
  formToken: string;
  website: '';
}

/** A contribution form as a browser would send it, with a form token signed by the app's secret. */
export async function newContribution(question: string, marker: string): Promise<Contribution> {
  const { issueFormToken } = await import('../../lib/contributions/form-token');
  return {
    question,
    pseudonym: `Cluster ${crypto.createHash('sha256').update(marker).digest('hex').slice(0, 6)}`,
    body: `Les États doivent protéger les infrastructures critiques, en paix comme en crise. [${marker}]`,
    language: 'fr',
    consent: true,
    formToken: issueFormToken({ at: Date.now() - 10_000, key: crypto.randomBytes(16).toString('base64url') }),
    website: '',
  };
}

/** POST /api/contributions; the id when acknowledged (201 new, 200 already there). */
export async function post(
  base: string,
  origin: string,
  c: Contribution,
  opts: RequestOptions = {},
): Promise<Reply & { id: string | null }> {
  const r = await request(`${base}/api/contributions`, {
    ...opts,
    method: 'POST',
    headers: { 'content-type': 'application/json', origin, ...opts.headers },
    body: JSON.stringify(c),
  });
  let id: string | null = null;
  if (r.status === 200 || r.status === 201) {
    try {
      id = (JSON.parse(r.body) as { id?: string }).id ?? null;
    } catch {
      id = null;
    }
  }
  return { ...r, id };
}
