import http from 'node:http';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpServer, listen, serverLimits } from '../../lib/server/http-server';

/** A client that opens a request and never finishes its headers (slowloris). */
function slowClient(port: number): Promise<{ socket: net.Socket; closed: Promise<number> }> {
  return new Promise((resolve) => {
    const started = Date.now();
    const socket = net.connect({ port, host: '127.0.0.1' }, () => {
      socket.write('GET /fr HTTP/1.1\r\nHost: x\r\nX-Slow: 1');
      resolve({ socket, closed });
    });
    const closed = new Promise<number>((r) => socket.on('close', () => r(Date.now() - started)));
    socket.on('error', () => {});
    socket.resume(); // read the 408 and the end
  });
}

/** One request from another address (any 127.x.y.z is this machine): its latency in ms. */
function timedGet(port: number, localAddress: string): Promise<number> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path: '/', localAddress, agent: false }, (res) => {
        res.resume();
        res.on('end', () => resolve(Date.now() - started));
      })
      .on('error', reject);
  });
}

describe('the HTTP server under slow clients', () => {
  const limits = { headersTimeoutMs: 1_000, requestTimeoutMs: 2_000, keepAliveTimeoutMs: 500, maxSocketsPerAddress: 20 };
  let server: http.Server;
  let port: number;
  beforeAll(async () => {
    server = createHttpServer((_req, res) => res.end('ok'), limits);
    await listen(server, 0, '127.0.0.1');
    port = (server.address() as net.AddressInfo).port;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('caps the sockets of one address, stays responsive to others, and drops slow headers on time', async () => {
    const slow = await Promise.all(Array.from({ length: 40 }, () => slowClient(port)));
    await new Promise((r) => setTimeout(r, 200));
    const stillOpen = slow.filter((s) => !s.socket.destroyed && s.socket.readyState === 'open').length;
    expect(stillOpen).toBeLessThanOrEqual(20);
    const latencies = [];
    for (let i = 0; i < 20; i++) latencies.push(await timedGet(port, '127.0.0.2'));
    expect(Math.max(...latencies)).toBeLessThan(500);
    // Headers not finished within 1 s: the socket goes (checked every second).
    const lifetimes = await Promise.all(slow.map((s) => s.closed));
    expect(Math.max(...lifetimes)).toBeLessThan(limits.headersTimeoutMs + 2_500);
    // Once they are gone, the address may open sockets again.
    expect(await timedGet(port, '127.0.0.1')).toBeLessThan(500);
  }, 15_000);
});

describe('server limits', () => {
  it('10 s for headers, 30 s for a request, 5 s idle keep-alive, 256 sockets per address; behind a trusted proxy no cap and 65 s', () => {
    const expected = { headersTimeoutMs: 10_000, requestTimeoutMs: 30_000, keepAliveTimeoutMs: 5_000, maxSocketsPerAddress: 256 };
    expect(serverLimits({ trustProxy: false })).toEqual(expected);
    expect(serverLimits({ trustProxy: true })).toMatchObject({ keepAliveTimeoutMs: 65_000, maxSocketsPerAddress: 0 });
  });
});
