import { describe, expect, it } from 'vitest';
import { compose, parseTarget, type Exchange } from '../../lib/server/pipeline';

describe('parseTarget: the path every stage and Next see', () => {
  it('resolves dot segments, also percent-encoded, as WHATWG URL (and Next) do', () => {
    const cases: [string, string, string][] = [
      ['/fr/experts', '/fr/experts', ''],
      ['/fr/search?q=a&q=b', '/fr/search', '?q=a&q=b'],
      ['/api/../fr/experts', '/fr/experts', ''],
      ['/api/%2e%2e/fr/experts', '/fr/experts', ''],
      ['/api/%2E./fr', '/fr', ''],
      ['/a/./b/../fr?x=1', '/a/fr', '?x=1'],
      ['/fr/x?', '/fr/x', ''],
      ['//evil.example/fr', '//evil.example/fr', ''],
      ['/fr/caf\u00e9', '/fr/caf%C3%A9', ''],
    ];
    for (const [raw, path, search] of cases) {
      const t = parseTarget(raw)!;
      expect([t.path, t.search], raw).toEqual([path, search]);
      const u = new URL(`http://h${raw}`);
      expect([t.path, t.search], `${raw} as URL`).toEqual([u.pathname, u.search]);
    }
  });
  it('knows the locale of the path', () => {
    expect(parseTarget('/ar/questions/x')!.locale).toBe('ar');
    expect(parseTarget('/ar')!.locale).toBe('ar');
    expect(parseTarget('/api/health')!.locale).toBeNull();
    expect(parseTarget('/xx/y')!.locale).toBeNull();
  });
  it('refuses what is not a path', () => {
    for (const raw of [undefined, '', '*', 'http://evil.example/fr', 'fr', '/a\\b', '/' + 'a'.repeat(9000)]) expect(parseTarget(raw), String(raw)).toBeNull();
  });
});

describe('compose', () => {
  it('runs the stages in order; a stage that answers stops the rest', () => {
    const seen: string[] = [];
    const x = {} as Exchange;
    const stage = (name: string, answer = false) => (_: Exchange, next: () => void) => {
      seen.push(name);
      if (!answer) next();
    };
    compose([stage('a'), stage('b')], () => seen.push('next'))(x);
    compose([stage('c', true), stage('d')], () => seen.push('never'))(x);
    expect(seen).toEqual(['a', 'b', 'next', 'c']);
  });
});
