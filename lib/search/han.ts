/**
 * Traditional and Simplified Chinese in search (OpenCC's dictionaries, through opencc-js).
 * The database folds characters (jsi_fold_han, in the index and in queries: see the migration
 * search_han_folding); words that differ between regions are the query's business: a query is
 * searched as itself, in Simplified characters and words (網路 → 网络), and with the Taiwanese
 * word of that (网络 → 网路, as the database folds 網路), so that each finds what the others find.
 */
import { ConverterFactory, CustomConverter, type ConverterFunction } from 'opencc-js/core';
import fromTaiwan from 'opencc-js/from/twp';
import toSimplified from 'opencc-js/to/cn';
import TSCharacters from 'opencc-js/dict/TSCharacters';
import TWPhrases from 'opencc-js/dict/TWPhrases';

const HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/u;

let simplify: ConverterFunction | null = null;
let foldChars: ConverterFunction | null = null;
let taiwanWords: ConverterFunction | null = null;

/** Characters only, one for one (the database's jsi_fold_han): 網路 → 网路. */
export function foldHan(text: string): string {
  foldChars ??= CustomConverter(TSCharacters);
  return foldChars(text);
}

/** Simplified characters and mainland words: 網路 → 网络, 網絡 → 网络. */
export function toSimplifiedChinese(text: string): string {
  simplify ??= ConverterFactory(fromTaiwan, toSimplified);
  return simplify(text);
}

/** A Simplified text with Taiwan's words, folded to Simplified characters: 网络 → 网路. */
export function taiwanVariant(simplified: string): string {
  if (!taiwanWords) {
    const pairs: [string, string][] = [];
    for (const entry of TWPhrases.split('|')) {
      const [standard, taiwan] = entry.split(' ');
      if (!standard || !taiwan) continue;
      const from = foldHan(standard);
      const to = foldHan(taiwan);
      if (from !== to) pairs.push([from, to]);
    }
    taiwanWords = CustomConverter(pairs);
  }
  return taiwanWords(simplified);
}

/** The query and its Chinese variants (itself alone when it has no Han character). */
export function hanVariants(q: string): string[] {
  if (!HAN.test(q)) return [q];
  const simplified = toSimplifiedChinese(q);
  return [...new Set([q, simplified, taiwanVariant(simplified)])];
}
