/**
 * Faults under load, through nginx: kill -9 of an instance while posting, a rolling restart
 * (SIGTERM, one instance at a time), a PostgreSQL restart.
 */
import fs from 'node:fs';
import path from 'node:path';
import { audit, check, figures, tally, type Cluster } from './context';
import { clientAddress, newContribution, post, request, type Contribution, type Reply } from './client';
import { sleep } from './services';

type Kind = 'cached' | 'uncached' | 'post';
interface Sample extends Reply {
  kind: Kind;
  target: string;
  id?: string | null;
  form?: Contribution;
}

let clients = 0;

/** Loops of requests until stop(): each post from a new client address, with a fresh form. */
function load(c: Cluster, plan: { kind: Kind; target?: string; loops: number; pauseMs?: number }[]) {
  const samples: Sample[] = [];
  let running = true;
  const loops: Promise<void>[] = [];
  for (const p of plan) {
    for (let k = 0; k < p.loops; k++) {
      loops.push(
        (async () => {
          const target = p.target ?? c.base;
          while (running) {
            if (p.kind === 'post') {
              const n = clients++;
              const form = await newContribution(c.question, `${c.run}:load:${n}`);
              const r = await post(target, c.base, form, { from: clientAddress(n) });
              samples.push({ ...r, kind: 'post', target, form });
            } else {
              const path = p.kind === 'cached' ? `/fr/questions/${c.question}` : `/ar/questions/${c.question}`;
              const r = await request(target + path, { headers: p.kind === 'uncached' ? { cookie: 'cluster=1' } : {}, from: clientAddress(clients++ % 50_000) });
              samples.push({ ...r, kind: p.kind, target });
            }
            if (p.pauseMs) await sleep(p.pauseMs);
          }
        })(),
      );
    }
  }
  return {
    samples,
    stop: async () => {
      running = false;
      await Promise.all(loops);
      return samples;
    },
  };
}

const ok = (s: Reply) => s.status === 200 || s.status === 201;

/**
 * What nginx's error log says about upstreams since the last call: a summary, and how many were
 * not a refused connection (a refusal is harmless: nothing was sent, the next instance answers;
 * a reset or an early close after nginx sent the request is a request the instance dropped).
 */
let errorLogSeen = 0;
function nginxErrors(c: Cluster): { summary: string; dropped: number } {
  const file = path.join(c.layout.tmp, 'log/jesuisinternet.error.log');
  const lines = fs.existsSync(file) ? fs.readFileSync(file, 'utf8').split('\n').filter(Boolean) : [];
  const fresh = lines.slice(errorLogSeen).filter((l) => /upstream/.test(l));
  errorLogSeen = lines.length;
  const dropped = fresh.filter((l) => !/connect\(\) failed \(111: Connection refused\)/.test(l));
  const example = (l: string) => `"${l.replace(/^.*?\[error\] \S+ /, '').slice(0, 160)}"`;
  if (!fresh.length) return { summary: 'no upstream error', dropped: 0 };
  const refused = `${fresh.length - dropped.length} refused connections (retried on the other instance)`;
  return { summary: dropped.length ? `${refused}, ${dropped.length} other errors, e.g. ${example(dropped[0])}` : refused, dropped: dropped.length };
}

/** Failures by kind and status, with the start of one body of each, e.g. "post:502 (…)". */
function failures(samples: Sample[]): string {
  const seen = new Map<string, { n: number; body: string }>();
  for (const s of samples.filter((x) => !ok(x))) {
    const k = `${s.kind}:${s.status}`;
    const e = seen.get(k) ?? { n: 0, body: s.body.replace(/\s+/g, ' ').slice(0, 100) };
    e.n++;
    seen.set(k, e);
  }
  return [...seen].map(([k, e]) => `${k}×${e.n} (${e.body})`).join('; ');
}

export async function killCheck(c: Cluster): Promise<void> {
  const victim = 0;
  const l = load(c, [
    { kind: 'post', loops: 8 },
    { kind: 'cached', loops: 2, pauseMs: 5 },
  ]);
  await sleep(2500);
  const child = c.instances[victim].child;
  const exited = new Promise<number>((resolve) => child.once('exit', () => resolve(Date.now())));
  const killedAt = Date.now();
  child.kill('SIGKILL');
  // Until the process is gone the kernel still accepts connections for it (and then resets
  // them): what counts is what nginx does once the instance is gone, as seen here (an upper bound).
  const goneAt = await exited;
  await sleep(3000);
  const samples = await l.stop();
  await c.instances[victim].stop();
  const acked = samples.filter((s) => s.id).map((s) => s.id!);
  // Answers to requests sent after the instance was gone (those in flight on it may fail).
  const after = samples.filter((s) => s.at > goneAt);
  const failedAfter = after.filter((s) => !ok(s));
  // The senders whose post got no answer send the same form again, as a browser would.
  const unanswered = samples.filter((s) => s.kind === 'post' && !s.id);
  const resent = await Promise.all(unanswered.map((s, k) => post(c.base, c.base, s.form!, { from: clientAddress(800_000 + k) })));
  const a = await audit(c.pg.url, c.run, [...acked, ...resent.filter((r) => r.id).map((r) => r.id!)]);
  figures.killAcknowledged = acked.length;
  figures.killUnanswered = unanswered.length;
  check(
    'kill -9 of an instance under posting load: nginx keeps serving',
    after.length > 0 && failedAfter.length === 0,
    `gone ${goneAt - killedAt} ms after the kill; ${after.length} requests after that, ${failedAfter.length} failed ${failures(failedAfter)}; ` +
      `all: ${tally(samples.map((s) => s.status))}`,
  );
  check(
    'kill -9: no acknowledged contribution lost, none duplicated after re-sending',
    a.lost === 0 && a.duplicated === 0 && resent.every(ok),
    `${acked.length} acknowledged, ${a.lost} lost; ${unanswered.length} unanswered re-sent (${tally(resent.map((r) => r.status))}), ${a.duplicated} duplicated`,
  );
  await c.restartInstance(victim);
}

/** `posts` posts and `pages` uncached page requests through nginx, all at once. */
function burst(c: Cluster, posts: number, pages: number): Promise<Sample>[] {
  const sent: Promise<Sample>[] = [];
  for (let k = 0; k < posts; k++) {
    const n = clients++;
    sent.push(
      newContribution(c.question, `${c.run}:burst:${n}`).then(async (form) => ({
        ...(await post(c.base, c.base, form, { from: clientAddress(n) })),
        kind: 'post' as const,
        target: c.base,
        form,
      })),
    );
  }
  for (let k = 0; k < pages; k++) {
    const from = clientAddress(clients++);
    const r = request(`${c.base}/ar/questions/${c.question}`, { headers: { cookie: 'cluster=1' }, from });
    sent.push(r.then((x) => ({ ...x, kind: 'uncached' as const, target: c.base })));
  }
  return sent;
}

export async function rollingRestartCheck(c: Cluster): Promise<void> {
  nginxErrors(c); // from here on
  // A steady load one instance can carry alone (the other is restarting): what is measured is
  // the restart, not overload (the render gate sheds what it cannot queue, with a 503).
  const l = load(c, [
    { kind: 'post', loops: 2, pauseMs: 100 },
    { kind: 'cached', loops: 2, pauseMs: 20 },
    { kind: 'uncached', loops: 1, pauseMs: 100 },
  ]);
  await sleep(1000);
  const steps: string[] = [];
  const bursts: Promise<Sample>[] = [];
  const drains: number[] = [];
  for (let i = 0; i < c.instances.length; i++) {
    // The SIGTERM lands while a burst of posts and uncached renders is in flight: the instance's
    // loop is busy and connections wait in its accept queue (a shutdown that closed its
    // listening socket at once reset them, after nginx had sent the POSTs on them).
    bursts.push(...burst(c, 6, 2));
    await sleep(40);
    const t = Date.now();
    const code = await c.instances[i].stop('SIGTERM');
    const drainedMs = Date.now() - t;
    drains.push(drainedMs);
    const restarted = await c.restartInstance(i);
    steps.push(`${restarted.port}: exit ${code} after ${drainedMs} ms, up again in ${restarted.startedMs} ms`);
    if (code !== 0) steps.push('(non-zero exit)');
  }
  await sleep(1000);
  const samples = [...(await l.stop()), ...(await Promise.all(bursts))];
  const failed = samples.filter((s) => !ok(s));
  const acked = samples.filter((s) => s.id).map((s) => s.id!);
  const a = await audit(c.pg.url, c.run, acked);
  const upstreamErrors = nginxErrors(c);
  figures.rollingRequests = samples.length;
  figures.rollingFailed = failed.length;
  figures.rollingDrainMs = drains.join('/');
  check(
    'rolling restart (SIGTERM, one instance at a time) drops no request',
    failed.length === 0 && a.lost === 0 && !steps.includes('(non-zero exit)') && upstreamErrors.dropped === 0,
    `${samples.length} requests (${tally(samples.map((s) => s.status))}), ${failed.length} failed ${failures(failed)}, ` +
      `slowest ${Math.max(...samples.map((s) => s.ms))} ms; ${a.lost} of ${acked.length} acknowledged lost; ${steps.join('; ')}; ` +
      `nginx: ${upstreamErrors.summary}`,
  );
}

export async function postgresRestartCheck(c: Cluster): Promise<void> {
  const l = load(c, [
    { kind: 'post', loops: 2, pauseMs: 50 },
    ...c.instances.map((inst) => ({ kind: 'uncached' as const, target: inst.url, loops: 1, pauseMs: 50 })),
  ]);
  await sleep(1500);
  await c.pg.stop();
  const stoppedAt = Date.now();
  await sleep(4000);
  const restartAt = Date.now();
  await c.pg.start();
  const upAt = Date.now();
  await sleep(8000);
  const samples = await l.stop();
  const during = samples.filter((s) => s.at > stoppedAt + 300 && s.at + s.ms < restartAt);
  const perInstance = c.instances.map((inst) => {
    const mine = during.filter((s) => s.target === inst.url);
    const localized = mine.filter((s) => s.status === 503 && s.body.includes('lang="ar"') && s.body.includes('dir="rtl"'));
    const back = samples.find((s) => s.target === inst.url && s.at >= upAt && ok(s));
    const slowest = Math.max(0, ...mine.map((s) => s.ms));
    return { port: inst.port, n: mine.length, localized: localized.length, slowest, backMs: back ? back.at - upAt : null };
  });
  const posts = during.filter((s) => s.kind === 'post');
  const lastBad = samples.filter((s) => s.at >= upAt && !ok(s)).at(-1);
  const acked = samples.filter((s) => s.id).map((s) => s.id!);
  const a = await audit(c.pg.url, c.run, acked);
  figures.postgresRecoveryMs = Math.max(...perInstance.map((p) => p.backMs ?? Infinity));
  check(
    'PostgreSQL down: both instances answer a localized 503 at once',
    perInstance.every((p) => p.n > 0 && p.localized === p.n && p.slowest <= 5000) &&
      posts.length > 0 &&
      posts.every((s) => s.status === 503),
    perInstance.map((p) => `${p.port}: ${p.localized}/${p.n} Arabic 503, slowest ${p.slowest} ms`).join('; ') + `; posts through nginx: ${tally(posts.map((s) => s.status))}`,
  );
  check(
    'PostgreSQL back: both instances recover by themselves, no acknowledged post lost',
    perInstance.every((p) => p.backMs !== null) && (!lastBad || lastBad.at < upAt + 5000) && a.lost === 0,
    `${perInstance.map((p) => `${p.port} back ${p.backMs} ms after PostgreSQL`).join('; ')}; ${acked.length} acknowledged, ${a.lost} lost`,
  );
}
