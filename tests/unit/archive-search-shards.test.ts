import { describe, expect, it } from 'vitest';
import { SHARD_BYTES, SearchIndex } from '../../lib/archive/search';

describe("the static search's shards (lib/archive/search.ts)", () => {
  it('cuts each locale into shards of at most the given HTML bytes, in the order the pages were noted', () => {
    const index = new SearchIndex(100);
    for (const [i, size] of [40, 40, 30, 60, 40, 1].entries()) index.add(`zh/p${i}/index.html`, 'zh', size);
    index.add('ar/p0/index.html', 'ar', 90);
    expect(index.plan('zh')).toEqual([
      ['zh/p0/index.html', 'zh/p1/index.html'],
      ['zh/p2/index.html', 'zh/p3/index.html'],
      ['zh/p4/index.html', 'zh/p5/index.html'],
    ]);
    expect(index.plan('ar')).toEqual([['ar/p0/index.html']]);
    expect(index.plan('ko')).toEqual([]);
  });

  it('gives a page bigger than a shard a shard of its own rather than dropping it', () => {
    const index = new SearchIndex(100);
    index.add('fr/a/index.html', 'fr', 10);
    index.add('fr/big/index.html', 'fr', 500);
    index.add('fr/b/index.html', 'fr', 10);
    expect(index.plan('fr')).toEqual([['fr/a/index.html'], ['fr/big/index.html'], ['fr/b/index.html']]);
  });

  it('defaults to 6 MB shards, the size that kept a Chinese shard of the 100,000-contribution archive near 100 MB in Pagefind', () => {
    expect(SHARD_BYTES).toBe(6 * 1024 * 1024);
    const index = new SearchIndex();
    for (let i = 0; i < 13; i++) index.add(`zh/${i}/index.html`, 'zh', 1024 * 1024);
    expect(index.plan('zh').map((s) => s.length)).toEqual([6, 6, 1]);
  });
});
