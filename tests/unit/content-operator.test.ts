/** The operator and the licence are configuration (issue 13): checks, and messages for every licence in every locale. */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { locales } from '@/lib/i18n/config';
import { assertOperatorConfigured, LICENCES, licenceMessageKey, operatorConfig, type LicenceId } from '@/lib/operator/config';

const base = { OPERATOR_NAME: undefined, OPERATOR_CONTACT: undefined, OPERATOR_ADDRESS: undefined, CONTRIBUTIONS_LICENCE: 'CC-BY-4.0' as const };

describe('operator configuration', () => {
  it('is null until name and contact are set; an email becomes mailto:, an https URL stays', () => {
    expect(operatorConfig(base).operator).toBeNull();
    expect(operatorConfig({ ...base, OPERATOR_NAME: 'Asso', OPERATOR_CONTACT: 'a@b.org' }).operator?.contactHref).toBe('mailto:a@b.org');
    const url = operatorConfig({ ...base, OPERATOR_NAME: 'Asso', OPERATOR_CONTACT: 'https://x.org/c' });
    expect(url.operator?.contactHref).toBe('https://x.org/c');
  });
  it('is required with DATABASE_URL, naming each missing variable', () => {
    expect(() => assertOperatorConfigured({ DATABASE_URL: undefined, OPERATOR_NAME: undefined, OPERATOR_CONTACT: undefined }))
      .not.toThrow();
    expect(() => assertOperatorConfigured({ DATABASE_URL: 'postgresql://h/db', OPERATOR_NAME: 'Asso', OPERATOR_CONTACT: undefined })).toThrow(
      /OPERATOR_CONTACT: is required/,
    );
  });
});

describe('licences in the messages', () => {
  it('every known licence has a name and terms in every locale (keys without dots: next-intl reads them as nesting)', () => {
    for (const locale of locales) {
      const messages = JSON.parse(fs.readFileSync(`messages/${locale}.json`, 'utf8'));
      for (const id of Object.keys(LICENCES) as LicenceId[]) {
        expect(messages.Licence.names[licenceMessageKey(id)], `${locale} ${id}`).toBeTruthy();
        expect(messages.Licence.terms[licenceMessageKey(id)], `${locale} ${id}`).toBeTruthy();
      }
    }
  });
});
