/**
 * Hostile input, property-based (fast-check: failures shrink to a minimal case). 10,000+
 * generated inputs against the public write path (the HTTP route POST /api/contributions with
 * JSON, urlencoded, multipart and malformed bodies; the service it calls) and the search:
 * random Unicode across scripts, control and bidi characters, oversized fields, markup and
 * script payloads, SQL and template metacharacters, wrong types.
 * Properties: never a 500 (nor a throw), every refusal a 4xx (or 429/503 with its meaning),
 * and nothing stored renders active (links only http(s), everything else text).
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resetDatabase, db } from './helpers';
import { resetEnvForTests } from '../../lib/env';
import { setClockForTests } from '../../lib/clock';
import { locales } from '../../lib/i18n/config';

const RUNS = { route: 6000, stored: 800, service: 1000, search: 2500 };
const ORIGIN = 'http://127.0.0.1:3000';
const HOST = '127.0.0.1:3000';

const PAYLOADS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '"><svg/onload=alert(1)>',
  'javascript:alert(1)',
  '[click](javascript:alert(1))',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  "'; DROP TABLE \"Contribution\"; --",
  "' OR '1'='1",
  '\\x00\\u0000',
  '{{constructor.constructor("alert(1)")()}}',
  '${process.exit(1)}',
  '#{7*7} <%= 7*7 %> {{7*7}}',
  '%s%s%s%n',
  '../../../../etc/passwd',
  '\u202eevil\u202c',
  '\u2066\u2067\u2068\u2069\u200e\u200f\u061c',
  '\u0000\u0001\u0007\u001b[31m',
  '\ufeff\u200b\u200d\u2060',
  'A\u0301\u0301\u0301\u0301\u0301',
  '𝕏🏳️‍🌈👩‍👩‍👧‍👦',
  'http://exa mple.com/<b>',
  'https://example.org/?q=<script>',
  '__proto__',
  'constructor',
];

const scripts = fc.constantFrom('Latin', 'Arabic', 'Han', 'Hangul', 'Cyrillic', 'Devanagari');
const SCRIPT_RANGES: Record<string, [number, number]> = {
  Latin: [0x41, 0x24f],
  Arabic: [0x600, 0x6ff],
  Han: [0x4e00, 0x9fff],
  Hangul: [0xac00, 0xd7a3],
  Cyrillic: [0x400, 0x4ff],
  Devanagari: [0x900, 0x97f],
};
const scriptText = scripts.chain((s) =>
  fc
    .array(fc.integer({ min: SCRIPT_RANGES[s][0], max: SCRIPT_RANGES[s][1] }), { minLength: 1, maxLength: 300 })
    .map((cps) => String.fromCodePoint(...cps)),
);
const controls = fc.array(fc.constantFrom('\u0000', '\u0008', '\u000b', '\u001f', '\u007f', '\u0085', '\u202a', '\u202b', '\u202d', '\u202e', '\u2066', '\u2069', '\ud800', '\udfff', '\r\n', '\t'), { maxLength: 40 }).map((a) => a.join(''));
const hostileString = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.string({ unit: 'binary', maxLength: 200 }),
  scriptText,
  controls,
  fc.constantFrom(...PAYLOADS),
  fc.tuple(scriptText, fc.constantFrom(...PAYLOADS), controls).map(([a, b, c]) => `${a} ${b}${c} ${a}`),
  fc.integer({ min: 10_001, max: 70_000 }).map((n) => 'x'.repeat(n)), // oversized
);
const wrongType = fc.oneof(
  fc.integer(), fc.double(), fc.boolean(), fc.constant(null),
  fc.array(fc.string(), { maxLength: 3 }), fc.dictionary(fc.string(), fc.string(), { maxKeys: 3 }),
);
const field = (valid: fc.Arbitrary<unknown>) =>
  fc.oneof(
    { weight: 3, arbitrary: valid },
    { weight: 3, arbitrary: hostileString },
    { weight: 1, arbitrary: wrongType },
    { weight: 1, arbitrary: fc.constant(undefined) },
  );

describe('hostile input', () => {
  let POST: (r: Request) => Promise<Response>;
  let issueFormToken: (o?: { at?: number }) => string;
  let slugs: string[] = [];
  const statuses = new Map<number, number>();
  const created: string[] = [];
  let tried = 0;

  beforeAll(async () => {
    process.env.TRUST_PROXY = '1';
    process.env.MODERATION_MODE = 'post';
    resetEnvForTests();
    setClockForTests(new Date('2017-03-15T10:00:00+01:00'));
    await resetDatabase();
    slugs = (await db.question.findMany({ select: { slug: true } })).map((q) => q.slug);
    POST = (await import('../../app/api/contributions/route')).POST as never;
    issueFormToken = (await import('../../lib/contributions/form-token')).issueFormToken;
  });
  afterAll(() => {
    setClockForTests(null);
    delete process.env.TRUST_PROXY;
    delete process.env.MODERATION_MODE;
    resetEnvForTests();
    console.log(`hostile input: ${tried} inputs tried; statuses ${JSON.stringify(Object.fromEntries([...statuses].sort()))}; ${created.length} contributions stored and checked`);
  });

  const OK = new Set([200, 201, 400, 403, 409, 413, 415, 422, 429]);
  let client = 0;

  async function check(res: Response) {
    tried++;
    statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
    const text = await res.text();
    expect(res.status, text.slice(0, 300)).not.toBe(500);
    expect(OK.has(res.status), `status ${res.status}: ${text.slice(0, 300)}`).toBe(true);
    if (res.status === 201 || res.status === 200) {
      const id = JSON.parse(text).id as string;
      created.push(id);
      const row = await db.contribution.findUniqueOrThrow({ where: { id } });
      const { renderContribution } = await import('../../lib/contributions/render');
      for (const para of renderContribution(row.body, { links: true }))
        for (const line of para)
          for (const seg of line) {
            if (seg.kind === 'link') expect(seg.href, row.body).toMatch(/^https?:\/\//);
          }
    } else {
      // A refusal says why, in JSON.
      expect(typeof JSON.parse(text).error).toBe('string');
    }
  }

  it('the HTTP route: any body, any encoding → never a 500, refusals are clear 4xx', { timeout: 600_000 }, async () => {
    const input = fc.record({
      question: field(fc.constantFrom(...slugs)),
      pseudonym: field(fc.constantFrom('Camille', 'مريم', '李华', 'Алексей')),
      body: field(fc.constantFrom('Les États doivent protéger les infrastructures critiques contre les attaques.', 'يجب على الدول حماية البنى التحتية الحيوية من الهجمات الإلكترونية.', '各国应当保护关键基础设施免受网络攻击，这是国际合作的基础。')),
      language: field(fc.constantFrom(...locales)),
      consent: field(fc.constantFrom(true, 'on', 'true')),
      formToken: field(fc.constant('__valid__')),
      website: field(fc.constant('')),
    });
    const encoding = fc.constantFrom('json', 'urlencoded', 'multipart', 'raw-bytes', 'broken-json', 'no-type');
    await fc.assert(
      fc.asyncProperty(input, encoding, fc.uint8Array({ maxLength: 2000 }), async (fields, enc, bytes) => {
        const obj: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(fields)) {
          if (v === undefined) continue;
          obj[k] = v === '__valid__' ? issueFormToken({ at: Date.now() - 10_000 }) : v;
        }
        const headers: Record<string, string> = { origin: ORIGIN, host: HOST, 'x-forwarded-for': `10.66.${(client >> 8) & 255}.${client++ & 255}` };
        let body: BodyInit;
        if (enc === 'json') {
          headers['content-type'] = 'application/json';
          body = JSON.stringify(obj);
        } else if (enc === 'urlencoded' || enc === 'no-type') {
          if (enc === 'urlencoded') headers['content-type'] = 'application/x-www-form-urlencoded';
          body = new URLSearchParams(Object.entries(obj).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v) ?? ''])).toString();
        } else if (enc === 'multipart') {
          const fd = new FormData();
          for (const [k, v] of Object.entries(obj)) fd.append(k, typeof v === 'string' ? v : (JSON.stringify(v) ?? ''));
          body = fd;
        } else if (enc === 'broken-json') {
          headers['content-type'] = 'application/json';
          body = JSON.stringify(obj).slice(0, -3) + '\u0000';
        } else {
          headers['content-type'] = ['application/json', 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'image/png'][bytes.length % 5];
          body = bytes;
        }
        await check(await POST(new Request('http://127.0.0.1:3000/api/contributions', { method: 'POST', headers, body })));
      }),
      { numRuns: RUNS.route, seed: 20170406 },
    );
  });

  it('well-formed posts carrying hostile text: stored as text, nothing renders active', { timeout: 300_000 }, async () => {
    const text = fc.oneof(fc.constantFrom(...PAYLOADS), scriptText, controls, fc.string({ unit: 'grapheme', maxLength: 80 }));
    const texts = fc.array(text, { minLength: 1, maxLength: 6 });
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...slugs), fc.constantFrom(...locales), texts, text, async (question, language, parts, pseudo) => {
        const body = `Contribution : ${parts.join(' ')} https://example.org/ok javascript:alert(1) <a href="javascript:alert(1)">x</a>`;
        const res = await POST(
          new Request('http://127.0.0.1:3000/api/contributions', {
            method: 'POST',
            headers: { origin: ORIGIN, host: HOST, 'content-type': 'application/json', 'x-forwarded-for': `10.68.${(client >> 8) & 255}.${client++ & 255}` },
            body: JSON.stringify({ question, pseudonym: `P ${pseudo}`.slice(0, 40), body, language, consent: true, formToken: issueFormToken({ at: Date.now() - 10_000 }), website: '' }),
          }),
        );
        await check(res);
      }),
      { numRuns: RUNS.stored, seed: 3 },
    );
    // Many are refused for good reasons (language mismatch, control characters in the pseudonym…).
    expect(created.length).toBeGreaterThan(50);
  });

  it('foreign, null and missing origins are refused whatever the body', { timeout: 120_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.constant(undefined), fc.constant('null'), fc.constant('https://evil.example'), hostileString), hostileString, async (origin, text) => {
        const headers: Record<string, string> = { host: HOST, 'content-type': 'application/json', 'x-forwarded-for': `10.67.${(client >> 8) & 255}.${client++ & 255}` };
        if (origin !== undefined) {
          try {
            new Headers({ origin });
            headers.origin = origin;
          } catch {
            /* not even a valid header value: the client cannot send it */
          }
        }
        const res = await POST(new Request('http://127.0.0.1:3000/api/contributions', { method: 'POST', headers, body: JSON.stringify({ body: text }) }));
        tried++;
        // Refused: 403 for the origin, or 413 when the body is too large to be read at all.
        if (headers.origin !== ORIGIN) expect([403, 413]).toContain(res.status);
      }),
      { numRuns: RUNS.service, seed: 1 },
    );
  });

  it('search: any query, locale, kind or page → an answer, never a throw', { timeout: 300_000 }, async () => {
    const { search } = await import('../../lib/search/queries');
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(hostileString, wrongType),
        // The locale comes from the URL path, which the layout validates; the rest from the query string.
        fc.constantFrom(...locales),
        fc.option(fc.oneof(fc.constantFrom('question', 'contribution', 'document'), hostileString)),
        fc.option(fc.oneof(fc.constantFrom(...locales), hostileString)),
        fc.oneof(fc.integer({ min: -5, max: 10_000 }), fc.constant(Number.NaN)),
        async (q, locale, kind, language, page) => {
          tried++;
          const r = await search({ q, locale, kind: kind ?? null, language: language ?? null, page });
          expect(['ok', 'invalid']).toContain(r.status);
        },
      ),
      { numRuns: RUNS.search, seed: 2 },
    );
  });
});
