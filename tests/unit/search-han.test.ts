import { describe, expect, it } from 'vitest';
import { foldHan, hanVariants, taiwanVariant, toSimplifiedChinese } from '@/lib/search/han';

describe('Traditional and Simplified Chinese in search', () => {
  it('folds Traditional characters one for one, as the database does', () => {
    expect(foldHan('網路安全與國際法')).toBe('网路安全与国际法');
    expect(foldHan('网络 cyber 사이버')).toBe('网络 cyber 사이버');
  });

  it('turns Taiwanese and Hong Kong words into mainland ones, and back', () => {
    expect(toSimplifiedChinese('網路')).toBe('网络');
    expect(toSimplifiedChinese('網絡')).toBe('网络');
    expect(taiwanVariant('网络安全')).toBe('网路安全');
  });

  it('gives the same folded variants for 网络, 網絡 and 網路', () => {
    const folded = (q: string) => new Set(hanVariants(q).map(foldHan));
    expect(folded('网络')).toEqual(new Set(['网络', '网路']));
    expect(folded('網絡')).toEqual(folded('网络'));
    expect(folded('網路')).toEqual(folded('网络'));
  });

  it('leaves a query without Han characters alone', () => {
    expect(hanVariants('sécurité 사이버')).toEqual(['sécurité 사이버']);
  });
});
