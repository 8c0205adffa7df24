/** Rendering of contributors' text: paragraphs, safe links, and markup kept as inert text. */
import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { createElement } from 'react';
import { excerpt, renderContribution, safeHref, segmentLine, UGC_REL } from '../../lib/contributions/render';
import { ContributionText } from '../../components/contributions/ContributionText';
import { detectLanguage, scriptGuess } from '../../lib/contributions/language';

describe('render', () => {
  it('splits paragraphs on blank lines and keeps line breaks', () => {
    const p = renderContribution('Un.\nDeux.\n\n\nTrois.');
    expect(p).toHaveLength(2);
    expect(p[0]).toHaveLength(2);
    expect(p[1][0]).toEqual([{ kind: 'text', text: 'Trois.' }]);
  });

  it('links http(s) addresses only, without trailing punctuation', () => {
    expect(segmentLine('Voir https://www.ssi.gouv.fr/guide. Merci')).toEqual([
      { kind: 'text', text: 'Voir ' },
      { kind: 'link', text: 'https://www.ssi.gouv.fr/guide', href: 'https://www.ssi.gouv.fr/guide' },
      { kind: 'text', text: '. Merci' },
    ]);
    expect(segmentLine('(https://example.org/a)')[1]).toMatchObject({ kind: 'link', text: 'https://example.org/a' });
    expect(segmentLine('见https://example.cn/x。')[1]).toMatchObject({ kind: 'link', href: 'https://example.cn/x' });
    for (const bad of ['javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'vbscript:x', 'file:///etc/passwd', 'http://user:pw@example.org/']) {
      expect(segmentLine(`x ${bad} y`).every((s) => s.kind === 'text'), bad).toBe(true);
    }
    expect(safeHref('https://exa mple.org')).toBeNull();
  });

  it('renders markup as text, links with rel="nofollow ugc noopener", and lang/dir of the language', () => {
    const xss = '<img src=x onerror=alert(1)><script>alert(1)</script> "quoted" & https://example.org/?q=<b>';
    const html = renderToStaticMarkup(createElement(ContributionText, { body: xss, language: 'ar' }));
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<script');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('lang="ar"');
    expect(html).toContain('dir="rtl"');
    expect(html).toContain(`rel="${UGC_REL}"`);
    expect(UGC_REL).toBe('nofollow ugc noopener');
    const zh = renderToStaticMarkup(createElement(ContributionText, { body: '网络空间的和平', language: 'zh' }));
    expect(zh).toContain('lang="zh-Hans"');
    expect(zh).toContain('dir="ltr"');
    const plain = renderToStaticMarkup(createElement(ContributionText, { body: 'see https://example.org', language: 'en', links: false }));
    expect(plain).not.toContain('<a ');
  });

  it('isolates web addresses left-to-right inside right-to-left text, as links and as plain text', () => {
    const body = 'انظر https://www.un.org/disarmament/ict-security/ لأعمال الفريق.';
    const linked = renderToStaticMarkup(createElement(ContributionText, { body, language: 'ar' }));
    expect(linked).toMatch(/<a [^>]*dir="ltr"[^>]*>https:\/\/www\.un\.org\/disarmament\/ict-security\/<\/a>/);
    const plain = renderToStaticMarkup(createElement(ContributionText, { body, language: 'ar', links: false }));
    expect(plain).toContain('<bdi dir="ltr">https://www.un.org/disarmament/ict-security/</bdi>');
    expect(plain).not.toContain('<a ');
  });

  it('makes excerpts on whole code points', () => {
    expect(excerpt('😀'.repeat(200), 10)).toBe('😀'.repeat(10) + '…');
  });
});

describe('language detection', () => {
  it('decides by script for Arabic, Korean, Chinese and Russian', () => {
    expect(scriptGuess('السلام في الفضاء الإلكتروني')).toBe('ar');
    expect(scriptGuess('사이버 공간의 평화')).toBe('ko');
    expect(scriptGuess('网络空间的和平')).toBe('zh');
    expect(scriptGuess('Мир в киберпространстве')).toBe('ru');
    expect(scriptGuess('12345 !!!')).toBeNull();
  });

  it('tells the Latin-script languages apart with eld', async () => {
    const samples: Record<string, string> = {
      fr: 'La paix dans le cyberespace exige la coopération de tous les États et de la société civile.',
      en: 'Peace in cyberspace requires cooperation between all states and civil society.',
      de: 'Der Frieden im Cyberraum erfordert die Zusammenarbeit aller Staaten und der Zivilgesellschaft.',
      es: 'La paz en el ciberespacio exige la cooperación de todos los Estados y de la sociedad civil.',
      it: 'La pace nel cyberspazio richiede la cooperazione di tutti gli Stati e della società civile.',
      pt: 'A paz no ciberespaço exige a cooperação de todos os Estados e da sociedade civil.',
    };
    for (const [lang, text] of Object.entries(samples)) {
      expect((await detectLanguage(text)).language, lang).toBe(lang);
    }
    expect((await detectLanguage('!!!')).language).toBeNull();
  });
});
