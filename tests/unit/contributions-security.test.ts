/** Rate-limit arithmetic, client hashing, the Origin check and form tokens (pure parts). */
import { describe, expect, it } from 'vitest';
import { allowed, estimate, retryAfterSeconds, windowIndex } from '../../lib/security/sliding-window';
import { checkOrigin } from '../../lib/security/origin';
import { clientAddress, hashClientAddress, CLIENT_ADDRESS_HEADER } from '../../lib/security/client';
import { editTokenFor, issueFormToken, storedIdempotencyKey, verifyFormToken } from '../../lib/contributions/form-token';
import { isEditableStatus, isReportable, isWithdrawable } from '../../lib/contributions/permissions';

const H = (o: Record<string, string>) => new Headers(o);
const MIN = 60_000;

describe('sliding window', () => {
  it('weights the previous window by its remaining overlap', () => {
    expect(estimate({ previous: 10, current: 2, elapsedMs: 0, windowMs: MIN })).toBe(12);
    expect(estimate({ previous: 10, current: 2, elapsedMs: 30_000, windowMs: MIN })).toBe(7);
    expect(estimate({ previous: 10, current: 2, elapsedMs: 60_000, windowMs: MIN })).toBe(2);
  });

  it('allows exactly `limit` requests in a fresh window and refuses the next', () => {
    const w = 10 * MIN;
    for (let n = 1; n <= 5; n++) expect(allowed({ previous: 0, current: n, elapsedMs: 1000, windowMs: w }, 5)).toBe(true);
    expect(allowed({ previous: 0, current: 6, elapsedMs: 1000, windowMs: w }, 5)).toBe(false);
  });

  it('does not let a burst at the window boundary double the limit', () => {
    // 5 posts at the end of one window, 5 more just after the boundary: the estimate refuses.
    expect(allowed({ previous: 5, current: 1, elapsedMs: 1000, windowMs: 10 * MIN }, 5)).toBe(false);
    // Half a window later, half of the old weight is gone.
    expect(allowed({ previous: 5, current: 2, elapsedMs: 5 * MIN, windowMs: 10 * MIN }, 5)).toBe(true); // 2.5 + 2
    expect(allowed({ previous: 5, current: 3, elapsedMs: 5 * MIN, windowMs: 10 * MIN }, 5)).toBe(false); // 2.5 + 3
  });

  it('computes Retry-After: until the next window when the current one is full', () => {
    // 6 in the current window (limit 5), 40 s into a 60 s window: wait 20 s, then until 6·(1−t/60)+1 ≤ 5 → t ≥ 20 s.
    expect(retryAfterSeconds({ previous: 0, current: 6, elapsedMs: 40_000, windowMs: MIN }, 5)).toBe(40);
    // Previous weight only: 4 previous, 2 current, limit 5 → 4·(1−t/60)+3 ≤ 5 → t ≥ 30 s; we are at 10 s.
    expect(retryAfterSeconds({ previous: 4, current: 2, elapsedMs: 10_000, windowMs: MIN }, 5)).toBe(20);
    expect(retryAfterSeconds({ previous: 0, current: 1, elapsedMs: 59_999, windowMs: MIN }, 1)).toBeGreaterThanOrEqual(1);
  });

  it('retry-after is honest: waiting that long makes the next request allowed', () => {
    for (const [previous, current, elapsed, limit] of [[3, 5, 1000, 5], [100, 80, 30_000, 100], [5, 0, 0, 5], [7, 6, 59_000, 5]]) {
      const windowMs = MIN;
      const wait = retryAfterSeconds({ previous, current, elapsedMs: elapsed, windowMs }, limit) * 1000;
      const t = elapsed + wait;
      const next = t < windowMs
        ? { previous, current: current + 1, elapsedMs: t, windowMs }
        : { previous: current, current: 1, elapsedMs: t - windowMs, windowMs };
      expect(allowed(next, limit), JSON.stringify({ previous, current, elapsed, limit, wait })).toBe(true);
    }
  });

  it('indexes fixed windows by epoch', () => {
    expect(windowIndex(0, MIN)).toBe(0);
    expect(windowIndex(MIN - 1, MIN)).toBe(0);
    expect(windowIndex(MIN, MIN)).toBe(1);
  });
});

describe('origin check', () => {
  const opts = { publicUrl: 'https://jesuisinternet.example', trustProxy: false };
  it('with PUBLIC_URL, accepts only its origin: Origin = Host is no proof (DNS rebinding)', () => {
    expect(checkOrigin(H({ origin: 'https://jesuisinternet.example', host: 'internal:3000' }), opts).ok).toBe(true);
    expect(checkOrigin(H({ origin: 'http://127.0.0.1:3202', host: '127.0.0.1:3202' }), opts).ok).toBe(false);
    expect(checkOrigin(H({ origin: 'http://jesuisinternet.example', host: 'jesuisinternet.example' }), opts).ok).toBe(false);
  });
  it('without PUBLIC_URL (a local start), accepts the same host', () => {
    expect(checkOrigin(H({ origin: 'http://127.0.0.1:3202', host: '127.0.0.1:3202' }), { publicUrl: '', trustProxy: false }).ok).toBe(true);
  });
  it('refuses missing, "null", malformed and foreign origins', () => {
    expect(checkOrigin(H({ host: 'a.example' }), opts)).toEqual({ ok: false, reason: 'missing' });
    expect(checkOrigin(H({ origin: 'null', host: 'a.example' }), opts)).toEqual({ ok: false, reason: 'null' });
    expect(checkOrigin(H({ origin: 'javascript:alert(1)', host: 'a.example' }), opts)).toEqual({ ok: false, reason: 'malformed' });
    expect(checkOrigin(H({ origin: 'https://evil.example', host: 'a.example' }), opts)).toEqual({ ok: false, reason: 'foreign' });
    expect(checkOrigin(H({ origin: 'https://a.example.evil.example', host: 'a.example' }), opts).ok).toBe(false);
    expect(checkOrigin(H({ origin: 'http://a.example:8080', host: 'a.example' }), opts).ok).toBe(false);
  });
  it('trusts X-Forwarded-Host only behind a trusted proxy', () => {
    const h = H({ origin: 'https://public.example', host: 'app:3000', 'x-forwarded-host': 'public.example' });
    expect(checkOrigin(h, { publicUrl: '', trustProxy: false }).ok).toBe(false);
    expect(checkOrigin(h, { publicUrl: '', trustProxy: true }).ok).toBe(true);
  });
});

describe('client address and hash', () => {
  it('ignores X-Forwarded-For chains unless a proxy is trusted, then takes the entry our proxy wrote', () => {
    const h = H({ 'x-forwarded-for': '6.6.6.6, 10.0.0.7' });
    expect(clientAddress(h, { trustProxy: true })).toBe('10.0.0.7');
    expect(clientAddress(h, { trustProxy: false })).toBe('unknown');
    expect(clientAddress(H({ 'x-forwarded-for': '::ffff:127.0.0.1' }), { trustProxy: false })).toBe('127.0.0.1');
    expect(clientAddress(H({ [CLIENT_ADDRESS_HEADER]: '203.0.113.9', 'x-forwarded-for': '1.1.1.1' }), { trustProxy: false })).toBe('203.0.113.9');
  });
  it('hashes with a key (never the address in clear) and groups an IPv6 /64', () => {
    const a = hashClientAddress('203.0.113.9');
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(a).not.toContain('203');
    expect(hashClientAddress('203.0.113.9')).toBe(a);
    expect(hashClientAddress('203.0.113.10')).not.toBe(a);
    expect(hashClientAddress('2001:db8:1:2::1')).toBe(hashClientAddress('2001:db8:1:2:ffff:ffff:ffff:ffff'));
    expect(hashClientAddress('2001:db8:1:2::1')).not.toBe(hashClientAddress('2001:db8:1:3::1'));
  });
});

describe('form token', () => {
  it('round-trips and enforces the minimum fill time and the maximum age', () => {
    const t0 = 1_700_000_000_000;
    const token = issueFormToken({ at: t0 });
    expect(verifyFormToken(token, { at: t0 + 1000 })).toMatchObject({ ok: false, reason: 'tooFast' });
    const ok = verifyFormToken(token, { at: t0 + 3000 });
    expect(ok.ok).toBe(true);
    expect(verifyFormToken(token, { at: t0 + 25 * 3600_000 })).toMatchObject({ ok: false, reason: 'expired' });
  });
  it('refuses forged or altered tokens', () => {
    const t0 = Date.now() - 10_000;
    const token = issueFormToken({ at: t0 });
    const [ts, key, sig] = token.split('.');
    expect(verifyFormToken(`${(t0 - 60_000).toString(36)}.${key}.${sig}`).ok).toBe(false); // backdated
    expect(verifyFormToken(`${ts}.${'A'.repeat(22)}.${sig}`).ok).toBe(false); // other key
    expect(verifyFormToken(`${ts}.${key}.${sig.slice(0, -2)}xx`).ok).toBe(false);
    expect(verifyFormToken('garbage').ok).toBe(false);
    expect(verifyFormToken('').ok).toBe(false);
  });
  it('derives a stable private link per idempotency key and stores only a hash of the key', () => {
    expect(editTokenFor('k'.repeat(22))).toBe(editTokenFor('k'.repeat(22)));
    expect(editTokenFor('k'.repeat(22))).not.toBe(editTokenFor('j'.repeat(22)));
    expect(editTokenFor('k'.repeat(22))).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(storedIdempotencyKey('k'.repeat(22))).not.toContain('kkkk');
  });
});

describe('permissions', () => {
  it('edit while pending or auto-published and unreviewed; withdraw unless withdrawn; report only published', () => {
    expect(isEditableStatus({ status: 'PENDING', decidedAt: null })).toBe(true);
    expect(isEditableStatus({ status: 'PUBLISHED', decidedAt: null })).toBe(true);
    expect(isEditableStatus({ status: 'PUBLISHED', decidedAt: new Date() })).toBe(false);
    expect(isEditableStatus({ status: 'REJECTED', decidedAt: new Date() })).toBe(false);
    expect(isEditableStatus({ status: 'HIDDEN', decidedAt: null })).toBe(false);
    expect(isEditableStatus({ status: 'WITHDRAWN', decidedAt: null })).toBe(false);
    expect(isWithdrawable({ status: 'REJECTED' })).toBe(true);
    expect(isWithdrawable({ status: 'WITHDRAWN' })).toBe(false);
    expect(isReportable({ status: 'PUBLISHED' })).toBe(true);
    expect(isReportable({ status: 'HIDDEN' })).toBe(false);
  });
});
