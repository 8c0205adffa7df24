/**
 * Translations are product content: every locale has exactly the keys of the English
 * reference, every message parses as ICU, uses the same arguments, and is really translated.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { locales } from '../../lib/i18n/config';
import { createTranslator } from 'next-intl';

type Tree = { [k: string]: string | Tree };
const dir = path.resolve(import.meta.dirname, '../../messages');
const load = (l: string): Tree => JSON.parse(fs.readFileSync(path.join(dir, `${l}.json`), 'utf8'));

function flatten(t: Tree, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(t)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out[key] = v;
    else Object.assign(out, flatten(v, key));
  }
  return out;
}

function argumentsOf(elements: MessageFormatElement[], acc = new Set<string>()): Set<string> {
  for (const e of elements) {
    if (e.type === TYPE.argument || e.type === TYPE.number || e.type === TYPE.date || e.type === TYPE.time) acc.add(e.value);
    if (e.type === TYPE.plural || e.type === TYPE.select) {
      acc.add(e.value);
      for (const o of Object.values(e.options)) argumentsOf(o.value, acc);
    }
    if (e.type === TYPE.tag) {
      acc.add(`<${e.value}>`);
      argumentsOf(e.children, acc);
    }
  }
  return acc;
}

// Proper names and codes that are legitimately identical across languages.
const SAME_EVERYWHERE = new Set(['Meta.siteName', 'Meta.titleTemplate']);

const reference = flatten(load('en'));

describe('messages', () => {
  it('has one file per locale, and no other', () => {
    const files = fs.readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => f.replace('.json', '')).sort();
    expect(files).toEqual([...locales].sort());
  });

  for (const locale of locales) {
    describe(locale, () => {
      const messages = flatten(load(locale));
      it('has exactly the reference keys (none missing, none extra)', () => {
        const missing = Object.keys(reference).filter((k) => !(k in messages));
        const extra = Object.keys(messages).filter((k) => !(k in reference));
        expect({ missing, extra }).toEqual({ missing: [], extra: [] });
      });
      it('has only non-empty messages that parse as ICU with the reference arguments', () => {
        for (const [key, value] of Object.entries(messages)) {
          expect(value.trim(), key).not.toBe('');
          let ast: MessageFormatElement[] = [];
          expect(() => (ast = parse(value)), `${locale}:${key} does not parse`).not.toThrow();
          if (key in reference) {
            expect([...argumentsOf(ast)].sort(), `${locale}:${key} arguments`).toEqual([...argumentsOf(parse(reference[key]))].sort());
          }
        }
      });
      if (locale !== 'en') {
        it('is really translated (almost no message left in English)', () => {
          const same = Object.keys(reference).filter((k) => !SAME_EVERYWHERE.has(k) && messages[k] === reference[k]);
          expect(same.length, `untranslated: ${same.slice(0, 10).join(', ')}`).toBeLessThanOrEqual(Math.ceil(Object.keys(reference).length * 0.03));
        });
      }
    });
  }
});

/**
 * Numbers in messages (issue 14): every argument that holds a number goes through ICU, so that
 * each language counts in its own grammar (Arabic has six plural categories, Russian four,
 * French, Spanish, Italian and Portuguese three, Chinese and Korean one) and the number itself
 * is formatted for the locale. A number is either the selector of a `plural` with exactly the
 * locale's categories (plus `=n` cases if wanted), or, where no word agrees with it (a page
 * number, "12 / 40"), a `{x, number}` listed below. A bare `{count}` fails.
 */
const NUMERIC_NAMES = ['count', 'min', 'max', 'seconds', 'page', 'pages', 'n'];
/** `Namespace.key:argument` where the number stands alone (no noun agrees with it). */
const STANDALONE = new Set([
  'Contribute.pseudonymHint:min', // "from 2 to {max, plural, …}": the noun agrees with the last number
  'Contribute.bodyHint:min',
  'Contribute.counter:count', // "12 / {max, plural, …}"
  'Contributions.allLanguages:count', // "All languages (73)"
  'AdminQueue.countOption:count', // "Pending (4)"
  'Search.pageOf:page', // "Page 2 of 7"
  'Search.pageOf:pages',
  'AdminWork.changesStep:n', // "Edit 2, on …": a version number
]);
const SAMPLES = [0, 1, 2, 3, 5, 11, 21, 22, 100, 101, 1.5, 1000, 1_000_000];

type Use = { arg: string; kind: 'plural' | 'number' | 'bare'; options?: string[] };
function numberUses(elements: MessageFormatElement[], numeric: Set<string>, acc: Use[] = []): Use[] {
  for (const e of elements) {
    if (e.type === TYPE.argument && numeric.has(e.value)) acc.push({ arg: e.value, kind: 'bare' });
    if (e.type === TYPE.number && numeric.has(e.value)) acc.push({ arg: e.value, kind: 'number' });
    if (e.type === TYPE.plural) acc.push({ arg: e.value, kind: 'plural', options: Object.keys(e.options) });
    if (e.type === TYPE.plural || e.type === TYPE.select) for (const o of Object.values(e.options)) numberUses(o.value, numeric, acc);
    if (e.type === TYPE.tag) numberUses(e.children, numeric, acc);
  }
  return acc;
}

/** Argument names that hold numbers: the usual names, and any argument some message counts or formats. */
function numericArguments(): Set<string> {
  const names = new Set(NUMERIC_NAMES);
  const walk = (elements: MessageFormatElement[]) => {
    for (const e of elements) {
      if (e.type === TYPE.plural || e.type === TYPE.number) names.add(e.value);
      if (e.type === TYPE.plural || e.type === TYPE.select) for (const o of Object.values(e.options)) walk(o.value);
      if (e.type === TYPE.tag) walk(e.children);
    }
  };
  for (const locale of locales) for (const value of Object.values(flatten(load(locale)))) walk(parse(value));
  return names;
}

describe('numbers in messages go through ICU plurals in every locale', () => {
  const numeric = numericArguments();
  const withNumbers = Object.keys(reference).filter((k) => numberUses(parse(reference[k]), numeric).length > 0);

  it('finds the messages with numbers (the form limits, counters, countdown, search, stats…)', () => {
    for (const key of ['FormErrors.bodyTooShort', 'FormErrors.rateLimited', 'Contribute.errorSummary', 'Report.textHint', 'Countdown.days']) {
      expect(withNumbers, key).toContain(key);
    }
  });

  for (const locale of locales) {
    const categories = new Intl.PluralRules(locale).resolvedOptions().pluralCategories as string[];
    it(`${locale}: each number is a plural with exactly the categories ${categories.join('/')}, or a listed standalone {x, number}`, () => {
      const messages = flatten(load(locale));
      const problems: string[] = [];
      for (const key of withNumbers) {
        for (const use of numberUses(parse(messages[key]), numeric)) {
          const where = `${locale}:${key}:${use.arg}`;
          if (use.kind === 'bare') problems.push(`${where} is a bare {${use.arg}}: use a plural (or {${use.arg}, number})`);
          if (use.kind === 'number' && !STANDALONE.has(`${key}:${use.arg}`)) problems.push(`${where} is not counted: use a plural`);
          if (use.kind === 'plural') {
            const named = use.options!.filter((o) => !o.startsWith('='));
            // Arabic "zero" is the number 0 alone: an `=0` case covers it.
            const missing = categories.filter((c) => !named.includes(c) && !(c === 'zero' && use.options!.includes('=0')));
            const foreign = named.filter((c) => !categories.includes(c));
            if (missing.length) problems.push(`${where} lacks ${missing.join(', ')}`);
            if (foreign.length) problems.push(`${where} has ${foreign.join(', ')}, not categories of ${locale}`);
          }
        }
      }
      expect(problems).toEqual([]);
    });

    it(`${locale}: renders every message with a number for ${SAMPLES.join(', ')}`, () => {
      const all = load(locale);
      const t = createTranslator({ locale, messages: all, timeZone: 'Europe/Paris' });
      const format = new Intl.NumberFormat(locale);
      const rules = new Intl.PluralRules(locale);
      let rendered = 0;
      for (const key of withNumbers) {
        const ast = parse(reference[key]);
        const args = [...argumentsOf(ast)];
        const counted = numberUses(ast, numeric).map((u) => u.arg);
        for (const n of SAMPLES) {
          const values: Record<string, unknown> = {};
          for (const a of args) {
            if (a.startsWith('<')) values[a.slice(1, -1)] = (chunks: unknown[]) => chunks.join('');
            else values[a] = counted.includes(a) ? n : a === 'date' ? new Date('2017-03-15T10:00:00Z') : `‹${a}›`;
          }
          const text = (t.markup as unknown as (k: string, v: unknown) => string)(key, values);
          const where = `${locale}:${key} with ${n}`;
          expect(text, where).not.toMatch(/[{}#]/);
          // The branch of n's category was written for it: either it shows n, formatted for the
          // locale, or it is a word form (Arabic "حرفين", "one day").
          const plural = parse(messages(locale)[key]).find((e) => e.type === TYPE.plural);
          if (plural && plural.type === TYPE.plural) {
            const branch = plural.options[`=${n}`] ?? plural.options[rules.select(n)];
            expect(branch, `${where}: no branch for ${rules.select(n)}`).toBeDefined();
            if (showsNumber(branch.value)) expect(text, where).toContain(format.format(n));
          }
          rendered++;
        }
      }
      expect(rendered).toBeGreaterThan(SAMPLES.length * 20);
    });
  }
});

function showsNumber(elements: MessageFormatElement[]): boolean {
  return elements.some((e) => e.type === TYPE.pound || (e.type === TYPE.tag && showsNumber(e.children)));
}

const cache = new Map<string, Record<string, string>>();
function messages(locale: string): Record<string, string> {
  if (!cache.has(locale)) cache.set(locale, flatten(load(locale)));
  return cache.get(locale)!;
}
