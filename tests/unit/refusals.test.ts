import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Refusals, loadRefusalStrings, type RefusalKind } from '../../lib/server/refusals';
import { locales } from '../../lib/i18n/config';

const root = path.resolve(import.meta.dirname, '../..');
const refusals = new Refusals(loadRefusalStrings(root));
const KINDS: RefusalKind[] = ['badRequest', 'forbidden', 'tooLarge', 'unavailable'];

describe('refusal pages (400, 403, 413, 503)', () => {
  it('take every string from messages/, in all ten locales, right-to-left in Arabic', () => {
    for (const l of locales) {
      const ns = JSON.parse(fs.readFileSync(path.join(root, 'messages', `${l}.json`), 'utf8')).ServerRefusal;
      for (const k of KINDS) {
        const html = refusals.html(k, l, 'NONCE');
        expect(html, `${l} ${k}`).toContain(`<h1>${ns[k].title}</h1>`);
        expect(html).toContain(`<a href="/${l}">${ns.home}</a>`);
        expect(JSON.parse(refusals.json(k, l))).toEqual({ error: k, message: ns[k].title });
      }
    }
    expect(refusals.html('forbidden', 'ar', 'N')).toMatch(/^<!DOCTYPE html><html lang="ar" dir="rtl">/);
  });
  it('other locales, or none, get French; the nonce is on the only style', () => {
    expect(refusals.html('tooLarge', 'xx', 'N')).toContain('lang="fr"');
    expect(refusals.html('tooLarge', null, 'N0NCE')).toContain('<style nonce="N0NCE">');
  });
  it('the messages are plain sentences (no ICU argument the page would show raw)', () => {
    const strings = loadRefusalStrings(root);
    const values = (o: unknown): string[] => (typeof o === 'string' ? [o] : Object.values(o as object).flatMap(values));
    for (const l of locales) for (const v of values(strings[l])) expect(v, l).not.toMatch(/[{}]/);
  });
});
