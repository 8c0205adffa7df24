/**
 * Translations are product content: every locale has exactly the keys of the English
 * reference, every message parses as ICU, uses the same arguments, and is really translated.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { locales } from '../../lib/i18n/config';
import { fill } from '../../components/i18n/FormMessages';

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
 * The client forms render these namespaces without next-intl's runtime (FormMessages.tsx: `{name}`
 * arguments and `<tag>` wrapping only). Each message must come out of that simple fill exactly
 * as ICU would render it: a plural, a select, a formatted number or an ICU quote fails here.
 */
const FORM_NAMESPACES = ['Contribute', 'FormErrors', 'PrivateLink', 'Report'];

function renderSimple(elements: MessageFormatElement[], where: string): string {
  return elements
    .map((e) => {
      if (e.type === TYPE.literal) return e.value;
      if (e.type === TYPE.argument) return `‹${e.value}›`;
      if (e.type === TYPE.tag) return `<${e.value}>${renderSimple(e.children, where)}</${e.value}>`;
      throw new Error(`${where}: ICU element of type ${e.type} needs next-intl's runtime in the browser`);
    })
    .join('');
}

describe('form messages need no ICU runtime in the browser', () => {
  for (const locale of locales) {
    it(`${locale}: Contribute, FormErrors, PrivateLink and Report render the same with FormMessages' fill`, () => {
      const all = load(locale);
      let checked = 0;
      for (const ns of FORM_NAMESPACES) {
        for (const [key, value] of Object.entries(flatten(all[ns] as Tree))) {
          const where = `${locale}:${ns}.${key}`;
          const ast = parse(value);
          const values = Object.fromEntries([...argumentsOf(ast)].filter((a) => !a.startsWith('<')).map((a) => [a, `‹${a}›`]));
          expect(fill(value, values), where).toBe(renderSimple(ast, where));
          checked++;
        }
      }
      expect(checked).toBeGreaterThan(60);
    });
  }
});
