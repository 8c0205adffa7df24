/**
 * What the browser runs without zod or the i18n runtime: the contribution forms' field checks
 * (rules.ts) give the same message key as the server's zod schemas, and the locale-aware hrefs
 * of the server Link and the language switcher.
 */
import { describe, expect, it } from 'vitest';
import { contributionFieldError, type ContributionField } from '../../lib/contributions/rules';
import { bodySchema, consentSchema, languageSchema, pseudonymSchema } from '../../lib/contributions/schemas';
import { localizedHref, switchLocale } from '../../components/i18n/href';

const schemas = { pseudonym: pseudonymSchema, body: bodySchema, language: languageSchema, consent: consentSchema };
const serverError = (field: ContributionField, v: unknown) => {
  const r = schemas[field].safeParse(v);
  return r.success ? undefined : r.error.issues[0].message;
};

const BODY = 'La paix dans le cyberespace exige la coopération de tous les États.';
const SAMPLES: Record<ContributionField, (string | boolean)[]> = {
  pseudonym: ['', '   ', 'a', 'Jeanne Dupont', '小明', 'a'.repeat(40), 'a'.repeat(41), 'Bob\u0000by', 'Bob\uD800by', 'evil\u202Egnp', 'Ad\u200Bmin', '<script>', 'Admin', 'Modérateur', 'x'.repeat(50_001)],
  body: ['', 'court', BODY, 'a'.repeat(10_000), 'a'.repeat(10_001), `${BODY}\u0000`, `${BODY}\u202E`, `${BODY}\uFFFD`, ' \n '.repeat(30), 'x'.repeat(50_001)],
  language: ['fr', 'ar', 'zh', 'xx', '', 'FR'],
  consent: [true, false],
};

describe('client field checks agree with the server schemas', () => {
  for (const [field, values] of Object.entries(SAMPLES) as [ContributionField, (string | boolean)[]][]) {
    it(field, () => {
      for (const v of values) expect(contributionFieldError(field, v), `${field}: ${JSON.stringify(String(v).slice(0, 30))}`).toBe(serverError(field, v));
    });
  }
});

describe('locale-aware hrefs', () => {
  it('prefixes site paths with the locale, leaves other URLs alone', () => {
    expect(localizedHref('fr', '/')).toBe('/fr');
    expect(localizedHref('fr', '/experts')).toBe('/fr/experts');
    expect(localizedHref('ar', '/search?q=x')).toBe('/ar/search?q=x');
    expect(localizedHref('zh', '/?a=1')).toBe('/zh?a=1');
    expect(localizedHref('fr', '#main')).toBe('#main');
    expect(localizedHref('fr', 'https://example.org/')).toBe('https://example.org/');
    expect(localizedHref('fr', '//example.org/')).toBe('//example.org/');
  });

  it('switches the locale segment of the current path', () => {
    expect(switchLocale('/fr', 'ar')).toBe('/ar');
    expect(switchLocale('/fr/questions/right-to-hack-back', 'zh')).toBe('/zh/questions/right-to-hack-back');
    expect(switchLocale('/', 'de')).toBe('/de');
  });
});
