import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, generateNonce, isHttpsRequest, nonceFromCsp, securityHeaders, validNonce } from '../../lib/security/headers';

describe('CSP nonce', () => {
  it('is random, 24 base64url characters, accepted by Next’s parser form', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 1000; i++) {
      const n = generateNonce();
      expect(n).toMatch(/^[A-Za-z0-9_-]{24}$/);
      seen.add(n);
    }
    expect(seen.size).toBe(1000);
  });
  it('validNonce rejects anything that could break out of the header or attribute', () => {
    expect(validNonce(generateNonce())).not.toBeNull();
    for (const bad of [null, undefined, '', 'short', "abc'; script-src *", 'a"b'.repeat(10), 'x'.repeat(100), 'a b c d e f g h i j k l m n']) {
      expect(validNonce(bad as string)).toBeNull();
    }
  });
  it('nonceFromCsp reads the nonce back', () => {
    const n = generateNonce();
    expect(nonceFromCsp(contentSecurityPolicy({ nonce: n }))).toBe(n);
    expect(nonceFromCsp("default-src 'self'")).toBeNull();
  });
});

describe('content security policy', () => {
  const csp = contentSecurityPolicy({ nonce: 'AAAAAAAAAAAAAAAAAAAAAAAA' });
  const d = new Map(csp.split('; ').map((x) => [x.split(' ')[0], x.split(' ').slice(1)]));
  it('has no unsafe-inline nor unsafe-eval for scripts in production', () => {
    expect(d.get('script-src')).toEqual(["'self'", "'nonce-AAAAAAAAAAAAAAAAAAAAAAAA'"]);
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
  });
  it('locks down plugins, base, framing and forms, no third-party origin', () => {
    expect(d.get('object-src')).toEqual(["'none'"]);
    expect(d.get('base-uri')).toEqual(["'none'"]);
    expect(d.get('frame-ancestors')).toEqual(["'none'"]);
    expect(d.get('form-action')).toEqual(["'self'"]);
    expect(d.get('default-src')).toEqual(["'self'"]);
    expect(csp).not.toMatch(/https?:/);
  });
  it('allows eval and websockets only in dev', () => {
    const dev = contentSecurityPolicy({ nonce: 'AAAAAAAAAAAAAAAAAAAAAAAA', dev: true });
    expect(dev).toContain("'unsafe-eval'");
    expect(dev).toContain('ws:');
  });
});

describe('security headers', () => {
  it('sends the full set, HSTS only over HTTPS', () => {
    const h = securityHeaders({ nonce: generateNonce(), https: false });
    expect(h['x-content-type-options']).toBe('nosniff');
    expect(h['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(h['cross-origin-opener-policy']).toBe('same-origin');
    expect(h['permissions-policy']).toMatch(/camera=\(\).*geolocation=\(\).*interest-cohort=\(\).*microphone=\(\)/);
    expect(h['strict-transport-security']).toBeUndefined();
    expect(securityHeaders({ nonce: generateNonce(), https: true })['strict-transport-security']).toMatch(/^max-age=\d{8}/);
  });
  it('trusts X-Forwarded-Proto only with TRUST_PROXY', () => {
    expect(isHttpsRequest({ encrypted: false, forwardedProto: 'https', trustProxy: false })).toBe(false);
    expect(isHttpsRequest({ encrypted: false, forwardedProto: 'https', trustProxy: true })).toBe(true);
    expect(isHttpsRequest({ encrypted: false, forwardedProto: 'https, http', trustProxy: true })).toBe(true);
    expect(isHttpsRequest({ encrypted: false, forwardedProto: 'http', trustProxy: true })).toBe(false);
    expect(isHttpsRequest({ encrypted: true, forwardedProto: undefined, trustProxy: false })).toBe(true);
  });
});
