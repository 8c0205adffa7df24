/**
 * The posting baseline of `npm run bench` (issue 16: posting as a ratio). Absolute posts per
 * second vary three-fold between machines; divided by what a bare server does on the same machine,
 * in the same run, they compare. The baseline is a node:http handler in its own process with a
 * `pg` pool of the app's size (10), doing for the same JSON payload the same SQL round trips as
 * the app's POST /api/contributions (lib/contributions/service.ts), with the same statements:
 *   1. the idempotency look-up (the stored key of the form token),
 *   2. the rate-limit upsert of both buckets ('requests', 'contributions') in one statement,
 *   3. the contribution and its SUBMITTED moderation event in one statement,
 * and the same keyed hashes (client address, idempotency key, private-link token). What it leaves
 * out is the app's own work: Origin and closing-date checks, zod parsing, the form-token
 * signature, the page-cache invalidation (a coalesced NOTIFY) and the HTTP framework.
 */
import { spawn } from 'node:child_process';
import { ROOT } from './lib';

const SERVER = String.raw`
const http = require('node:http');
const crypto = require('node:crypto');
const { Pool } = require('pg');
const [port, url, secret] = process.argv.slice(1);
const pool = new Pool({ connectionString: url, max: 10 });
const hmac = (purpose, v) => crypto.createHmac('sha256', secret).update(purpose + ':' + v).digest('hex');
const RULES = { requests: 60000, contributions: 600000 };

async function handle(body, forwardedFor) {
  const f = JSON.parse(body);
  const key = String(f.formToken).split('.')[1];
  const stored = 'k1:' + hmac('idempotency', key);
  const client = hmac('client', (forwardedFor || '').split(',').pop().trim());
  const found = await pool.query(
    'SELECT c.id, c.status, c.pseudonym, c.body, q.slug FROM "Contribution" c JOIN "Question" q ON q.id = c."questionId" WHERE c."idempotencyKey" = $1',
    [stored]);
  if (found.rowCount) return [200, found.rows[0].id];
  const at = Date.now();
  const w = Object.entries(RULES).map(([b, ms]) => { const i = Math.floor(at / ms); return [b + ':' + client + ':' + i, new Date(i * ms).toISOString(), b + ':' + client + ':' + (i - 1)]; });
  await pool.query(
    'WITH input AS (SELECT * FROM unnest($1::text[], $2::timestamptz[], $3::text[]) AS t("key", "windowStart", "previousKey")), ' +
    'up AS (INSERT INTO "RateLimit" ("key", "windowStart", "count") SELECT "key", "windowStart" AT TIME ZONE \'UTC\', 1 FROM input ' +
    'ON CONFLICT ("key") DO UPDATE SET "count" = "RateLimit"."count" + 1 RETURNING "key", "count") ' +
    'SELECT up."key", up."count"::int AS current, COALESCE(p."count", 0)::int AS previous FROM input JOIN up ON up."key" = input."key" ' +
    'LEFT JOIN "RateLimit" p ON p."key" = input."previousKey"',
    [w.map((x) => x[0]), w.map((x) => x[1]), w.map((x) => x[2])]);
  const id = crypto.randomUUID();
  const token = crypto.createHmac('sha256', secret).update('edit-token:' + key).digest('base64url');
  const now = new Date().toISOString();
  await pool.query(
    'WITH q AS (SELECT id, slug FROM "Question" WHERE slug = $2), ' +
    'c AS (INSERT INTO "Contribution" (id, "questionId", pseudonym, body, language, status, "editTokenHash", "idempotencyKey", "clientHash", "createdAt", "updatedAt", "publishedAt") ' +
    'SELECT $1::uuid, q.id, $3, $4, $5, \'PUBLISHED\'::"ContributionStatus", $6, $7, $8, ($9::timestamptz AT TIME ZONE \'UTC\'), ($9::timestamptz AT TIME ZONE \'UTC\'), ($9::timestamptz AT TIME ZONE \'UTC\') FROM q RETURNING id), ' +
    'e AS (INSERT INTO "ModerationEvent" ("contributionId", action, "toStatus", "createdAt") SELECT c.id, \'SUBMITTED\', \'PUBLISHED\'::"ContributionStatus", ($9::timestamptz AT TIME ZONE \'UTC\') FROM c) ' +
    'SELECT q.slug FROM q, c',
    [id, f.question, f.pseudonym, f.body, f.language, crypto.createHash('sha256').update(token).digest('hex'), stored, client, now]);
  return [201, id];
}

http.createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    handle(Buffer.concat(chunks).toString('utf8'), req.headers['x-forwarded-for']).then(
      ([status, id]) => { res.writeHead(status, { 'content-type': 'application/json' }); res.end(JSON.stringify({ id })); },
      (e) => { res.writeHead(500, { 'content-type': 'text/plain' }); res.end(String(e && e.message)); },
    );
  });
}).listen(Number(port), '127.0.0.1', () => process.send && process.send('ready'));
`;

/** Starts the baseline on `port` against the app's database; `secret` is CLIENT_HASH_SECRET. */
export async function startPostBaseline(port: number, pgUrl: string, secret: string): Promise<{ url: string; stop(): Promise<void> }> {
  const child = spawn(process.execPath, ['-e', SERVER, String(port), pgUrl, secret], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  await new Promise<void>((resolve, reject) => {
    child.once('message', () => resolve());
    child.once('exit', (c) => reject(new Error(`posting baseline exited ${c}`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
