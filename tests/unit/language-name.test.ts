import { describe, expect, it } from 'vitest';
import { languageName, languageNameWithScript } from '../../lib/i18n/language-name';

describe('a language named in the reader’s language (lib/i18n/language-name.ts)', () => {
  it('on reader pages, the language alone', () => {
    expect(languageName('zh', 'en')).toBe('Chinese');
    expect(languageName('zh', 'fr')).toBe('chinois');
    expect(languageName('de', 'ar')).toBe('الألمانية');
    expect(languageName('ar', 'zh')).toBe('阿拉伯语');
  });
  it('in the back office, with the script this site writes it in', () => {
    expect(languageNameWithScript('zh', 'fr')).toBe('chinois simplifié');
    expect(languageNameWithScript('zh', 'en')).toBe('Simplified Chinese');
    // No script to add: the same name as on reader pages.
    expect(languageNameWithScript('ru', 'fr')).toBe(languageName('ru', 'fr'));
  });
  it('the code itself when it cannot be named', () => {
    expect(languageName('not a tag', 'en')).toBe('not a tag');
    expect(languageNameWithScript('zh', 'not a tag')).toBe('zh');
  });
});
