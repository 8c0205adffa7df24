/**
 * What the instances share through PostgreSQL: page-cache invalidation (a post through nginx is
 * visible on every instance long before the cache's 60 s maximum age), rate limits, sign-in
 * lockouts and sessions.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { check, figures, type Cluster } from './context';
import { cookiesOf, newContribution, post, request } from './client';
import { parseEnvFile } from './template';
import { sleep } from './services';

const POLL_BOUND_MS = 5_000;

export async function visibilityCheck(c: Cluster): Promise<void> {
  const page = `/fr/questions/${c.question}`;
  // Both instances hold the page in their cache (anonymous reads: MISS, then HIT).
  const before = [];
  for (const inst of c.instances) {
    await request(inst.url + page);
    before.push(String((await request(inst.url + page)).headers['x-cache']));
  }
  const marker = `${c.run}:visible`;
  const r = await post(c.base, c.base, await newContribution(c.question, marker), { from: '127.0.0.9' });
  const acked = Date.now();
  const delays: (number | null)[] = c.instances.map(() => null);
  while (Date.now() - acked < POLL_BOUND_MS && delays.some((d) => d === null)) {
    await Promise.all(
      c.instances.map(async (inst, i) => {
        if (delays[i] !== null) return;
        const page2 = await request(inst.url + page);
        if (page2.body.includes(marker)) delays[i] = Date.now() - acked;
      }),
    );
    await sleep(10);
  }
  const worst = Math.max(...delays.map((d) => d ?? Infinity));
  figures.visibleOnAllInstancesMs = Number.isFinite(worst) ? worst : 'never';
  check(
    'a post through nginx is visible on every instance well before the cache max age',
    r.status === 201 && before.every((h) => h === 'HIT') && Number.isFinite(worst),
    `post ${r.status}; cached before: ${before.join(', ')}; visible after ${delays.map((d) => (d === null ? `> ${POLL_BOUND_MS}` : d)).join(' / ')} ms (bound ${POLL_BOUND_MS} ms, max age 60 s)`,
  );
}

export async function rateLimitCheck(c: Cluster): Promise<void> {
  // Straight to the instances, one client (TRUST_PROXY=1: as nginx would say it), alternating.
  const headers = { 'x-forwarded-for': '203.0.113.7' };
  const statuses: string[] = [];
  for (let i = 0; i < 7; i++) {
    const inst = c.instances[i % 2];
    const r = await post(inst.url, c.base, await newContribution(c.question, `${c.run}:limit:${i}`), { headers });
    statuses.push(`${inst.port}:${r.status}`);
  }
  const accepted = statuses.filter((s) => s.endsWith(':201')).length;
  check('rate limits are shared by the instances', accepted === 5 && statuses.slice(5).every((s) => s.endsWith(':429')), `one client alternating instances: ${statuses.join(' ')}`);
}

function createModerator(c: Cluster, email: string, password: string): void {
  const file = parseEnvFile(fs.readFileSync(c.layout.envFile, 'utf8'));
  const env: Record<string, string> = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? '/root', ...file };
  const r = spawnSync('npm', ['run', '--silent', 'moderator:create', '--', '--email', email, '--role', 'admin', '--organisation', 'ANSSI'], {
    cwd: c.layout.root,
    env: env as NodeJS.ProcessEnv,
    input: `${password}\n`,
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`moderator:create failed: ${r.stdout}${r.stderr}`);
}

/** Auth.js's credentials sign-in; the session cookie, or the error code of the redirect. */
async function signIn(
  base: string,
  origin: string,
  email: string,
  password: string,
  from: Record<string, string>,
): Promise<{ cookie: string | null; error: string | null }> {
  const csrf = await request(`${base}/api/auth/csrf`, { headers: from });
  const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
  const cookie = cookiesOf(csrf);
  const r = await request(`${base}/api/auth/callback/credentials`, {
    method: 'POST',
    headers: { ...from, 'content-type': 'application/x-www-form-urlencoded', origin, cookie },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: '/fr/admin' }).toString(),
  });
  const jar = cookiesOf(r, cookie);
  const location = String(r.headers.location ?? '');
  const error = /[?&]code=([a-z]+)/.exec(location)?.[1] ?? (/[?&]error=/.test(location) ? 'error' : null);
  return { cookie: /session-token=/.test(jar) && !error ? jar : null, error };
}

export async function lockoutAndSessionChecks(c: Cluster): Promise<void> {
  const password = `cluster-${c.run}-password`;
  createModerator(c, `lockout-${c.run}@cluster.test`, password);
  createModerator(c, `session-${c.run}@cluster.test`, password);

  // Five failures alternating instances, then the right password: refused as locked.
  const who = { 'x-forwarded-for': '203.0.113.20' };
  const errors: string[] = [];
  for (let i = 0; i < 5; i++) errors.push(String((await signIn(c.instances[i % 2].url, c.base, `lockout-${c.run}@cluster.test`, 'wrong-password-123', who)).error));
  const last = await signIn(c.instances[1].url, c.base, `lockout-${c.run}@cluster.test`, password, who);
  check('sign-in lockouts are shared by the instances', last.error === 'locked' && last.cookie === null, `5 failures across both instances (${errors.join(', ')}), then the right password: ${last.error ?? 'signed in'}`);

  // A session opened on one instance is honoured by the other, and through nginx on both.
  const s = await signIn(c.instances[0].url, c.base, `session-${c.run}@cluster.test`, password, { 'x-forwarded-for': '203.0.113.21' });
  const other = s.cookie ? await request(`${c.instances[1].url}/fr/admin`, { headers: { cookie: s.cookie } }) : null;
  const signedIn = (body: string) => /sign-out/.test(body) && !/name="password"/.test(body);
  check('a session from one instance works on the other', !!other && other.status === 200 && signedIn(other.body), other ? `signed in on ${c.instances[0].port}, /fr/admin on ${c.instances[1].port}: ${other.status}` : `sign-in failed (${s.error})`);
  const viaNginx = await signIn(c.base, c.base, `session-${c.run}@cluster.test`, password, {});
  const pages = viaNginx.cookie ? await Promise.all([0, 1, 2, 3].map(() => request(`${c.base}/fr/admin`, { headers: { cookie: viaNginx.cookie! } }))) : [];
  check(
    'a session through nginx (HTTPS, __Secure- cookie) holds on every request',
    pages.length === 4 && pages.every((p) => p.status === 200 && signedIn(p.body)) && viaNginx.cookie!.includes('__Secure-'),
    viaNginx.cookie ? `4 back-office pages through nginx: ${pages.map((p) => p.status).join(', ')}` : `sign-in through nginx failed (${viaNginx.error})`,
  );
}
