/**
 * What nginx itself must do (deploy/nginx/jesuisinternet.conf): HTTP → HTTPS, HTTP/2, static
 * files immutable and compressed, forwarding headers set by nginx only, private links masked in
 * the access log.
 */
import fs from 'node:fs';
import http2 from 'node:http2';
import { check, type Cluster } from './context';
import { clientAddress, newContribution, post, request } from './client';
import { sleep } from './services';

function http2Get(base: string, path: string, ca: string): Promise<{ status: number; protocol: string }> {
  return new Promise((resolve, reject) => {
    const session = http2.connect(base, { ca });
    session.on('error', reject);
    const req = session.request({ ':path': path });
    req.on('response', (h) => {
      req.resume();
      req.on('end', () => {
        resolve({ status: Number(h[':status']), protocol: session.alpnProtocol ?? '' });
        session.close();
      });
    });
    req.on('error', reject);
    req.end();
  });
}

export async function proxyChecks(c: Cluster, ca: string): Promise<void> {
  const plain = await request(`http://127.0.0.1:${c.layout.httpPort}/fr/experts?x=1`);
  check('plain HTTP redirects to HTTPS', plain.status === 301 && String(plain.headers.location).startsWith('https://'), `${plain.status} → ${plain.headers.location}`);

  const h2 = await http2Get(c.base, '/fr', ca);
  check('HTTP/2 over TLS (nginx 1.22 `listen … ssl http2`)', h2.status === 200 && h2.protocol === 'h2', `ALPN ${h2.protocol}, status ${h2.status}`);

  const home = await request(`${c.base}/fr`, { headers: { 'accept-encoding': 'gzip' } });
  const hsts = String(home.headers['strict-transport-security'] ?? '');
  check('the app sees HTTPS through X-Forwarded-Proto (HSTS sent)', home.status === 200 && hsts.includes('max-age'), `status ${home.status}, HSTS "${hsts}"`);

  const script = /<script[^>]+src="(\/_next\/static\/[^"]+\.js)"/.exec((await request(`${c.base}/fr/questions/${c.question}/contribute`)).body)?.[1];
  const asset = script ? await request(`${c.base}${script}`, { headers: { 'accept-encoding': 'gzip' } }) : null;
  const cc = String(asset?.headers['cache-control'] ?? '');
  check(
    '/_next/static from disk: immutable, nosniff, gzip',
    !!asset && asset.status === 200 && cc.includes('immutable') && asset.headers['x-content-type-options'] === 'nosniff' && asset.headers['content-encoding'] === 'gzip',
    asset ? `${script}: ${asset.status}, cache-control "${cc}", encoding ${asset.headers['content-encoding']}` : 'no script found on the form page',
  );

  // A client that claims to be someone else in X-Forwarded-For (or Forwarded, X-Real-IP):
  // nginx overwrites those, so the app counts every post against the one real address.
  const from = clientAddress(900_001);
  const statuses: (number | null)[] = [];
  for (let i = 0; i < 7; i++) {
    const forged = { 'x-forwarded-for': `198.51.100.${i + 1}`, forwarded: `for=198.51.100.${i + 1}`, 'x-real-ip': `198.51.100.${i + 1}` };
    const r = await post(c.base, c.base, await newContribution(c.question, `${c.run}:forged:${i}`), { from, headers: forged });
    statuses.push(r.status);
  }
  const accepted = statuses.filter((s) => s === 201).length;
  check('forged X-Forwarded-For through nginx is not trusted', accepted === 5 && statuses.at(-1) === 429, `7 posts with 7 forged addresses from one client: ${accepted} accepted, then ${statuses.slice(5).join(', ')} (limit 5 per client)`);

  // Private links never reach the access log.
  const token = `tok${c.run.replace(/[^a-z0-9]/gi, '')}SECRET`;
  await request(`${c.base}/fr/my/${token}`);
  await request(`${c.base}/ar/my/${token}?x=1`);
  await request(`${c.base}/fr/%6dy/${token}`);
  await request(`${c.base}/fr/experts`, { headers: { referer: `${c.base}/fr/my/${token}` } });
  await sleep(300);
  const log = fs.readFileSync(c.nginx.accessLog, 'utf8');
  const masked = (log.match(/\[private-link\]/g) ?? []).length;
  check('access log never records a private-link token', !log.includes(token) && masked >= 4, `token absent from ${log.split('\n').length - 1} log lines, ${masked} masked`);
}
