import { describe, expect, it } from 'vitest';
import { archivable, fileFor, isIndexed, relativeLink } from '@/lib/archive/urls';
import { rewritePage } from '@/lib/archive/html';
import { rewriteCssFile, rewriteRobots, rewriteXml } from '@/lib/archive/text';
import { pluralForms } from '@/lib/archive/search';

const rules = { locales: ['fr', 'ar', 'zh'] };
const origin = 'http://127.0.0.1:4000';
const canon = (u: string) => archivable(new URL(u, origin), rules);

describe('archive URL rules', () => {
  it('keeps reading pages and drops server-only ones', () => {
    expect(canon('/fr/questions/q-1')).toBe('/fr/questions/q-1');
    expect(canon('/fr/questions/q-1/contribute')).toBeNull();
    expect(canon('/fr/admin')).toBeNull();
    expect(canon('/fr/admin/contributions/x')).toBeNull();
    expect(canon('/fr/my/abc')).toBeNull();
    expect(canon('/api/contributions')).toBeNull();
    expect(canon('/api/open-data/contributions.csv')).toBe('/api/open-data/contributions.csv');
    expect(canon('/de/questions/q-1')).toBeNull(); // a locale not exported
    expect(canon('/xx/questions/q-1')).toBeNull();
  });

  it('turns the query strings a page reads into path-based files, and refuses others', () => {
    expect(canon('/fr/questions/q-1?lang=ar&before=k1_0e1f')).toBe('/fr/questions/q-1?before=k1_0e1f&lang=ar');
    expect(fileFor('/fr/questions/q-1?before=k1_0e1f&lang=ar')).toBe('fr/questions/q-1/before=k1_0e1f/lang=ar/index.html');
    expect(canon('/fr/questions/q-1?utm=x')).toBeNull();
    expect(canon('/fr/search?q=paix')).toBeNull();
    expect(canon('/fr/search')).toBe('/fr/search');
    expect([isIndexed('/fr/questions/q-1'), isIndexed('/fr/questions/q-1?before=k1_0e1f')]).toEqual([true, true]);
    expect([isIndexed('/fr/questions/q-1?lang=ar'), isIndexed('/fr/questions/q-1?original=x')]).toEqual([false, false]);
    expect(fileFor('/fr/questions/q-1?lang=%3Cx%3E')).toMatch(/^fr\/questions\/q-1\/lang=~[0-9a-f]{16}\/index\.html$/);
  });

  it('maps pages to index.html and files to themselves; links are relative', () => {
    expect(fileFor('/')).toBe('index.html');
    expect(fileFor('/fr')).toBe('fr/index.html');
    expect(fileFor('/fr/feeds/contributions.atom')).toBe('fr/feeds/contributions.atom');
    expect(canon('/_next/static/css/a.css?v=1')).toBe('/_next/static/css/a.css');
    expect(relativeLink('fr/questions/q/index.html', 'fr/index.html', '#x')).toBe('../../index.html#x');
    expect(relativeLink('index.html', 'fr/index.html')).toBe('fr/index.html');
  });
});

const page = (body: string, head = '') =>
  `<!DOCTYPE html><html lang="ar" dir="rtl"><head>${head}</head><body><main>${body}</main></body></html>`;
const ctx = (path: string) => ({ url: new URL(path, origin), file: fileFor(canon(path)!), origins: new Set([origin, 'https://jsi.example']), rules });

describe('archive page rewriting', () => {
  it('removes every script, preload of script, nonce and inline handler', () => {
    const { html } = rewritePage(
      page('<p onclick="x()">t</p><script nonce="n1">alert(1)</script>', '<script src="/_next/static/chunks/a.js" nonce="n1"></script><link rel="preload" as="script" href="/_next/a.js"><style nonce="n1">a{}</style>'),
      ctx('/ar/about'),
    );
    expect(html).not.toMatch(/<script|onclick|nonce|preload/);
    expect(html).toContain('<style>a{}</style>');
  });

  it('rewrites internal links to relative files, unlinks server-only pages, keeps links out', () => {
    const { html, links } = rewritePage(
      page(
        '<a href="/ar/questions/q-1?lang=zh#c-1">a</a><a class="btn" href="/ar/questions/q-1/contribute">speak</a>' +
          '<a href="https://www.ssi.gouv.fr/">out</a><a href="https://jsi.example/ar/documents">abs</a><img src="https://cdn.example/x.png"><a href="#top">top</a>',
        '<link rel="stylesheet" href="/_next/static/css/a.css"><link rel="alternate" type="application/atom+xml" href="/ar/feeds/questions/q-1.atom">',
      ),
      ctx('/ar/questions/q-2'),
    );
    expect(html).toContain('href="../q-1/lang=zh/index.html#c-1"');
    expect(html).toContain('<span class="btn">speak</span>');
    expect(html).toContain('href="https://www.ssi.gouv.fr/"');
    expect(html).toContain('href="../../documents/index.html"');
    expect(html).not.toContain('cdn.example');
    expect(html).toContain('href="../../../_next/static/css/a.css"');
    expect(html).toContain('href="#top"');
    expect(links).toEqual(['/_next/static/css/a.css', '/ar/documents', '/ar/feeds/questions/q-1.atom', '/ar/questions/q-1?lang=zh']);
  });

  it('removes forms that post (and the disclosure they leave empty), turns a select filter into links', () => {
    const { html } = rewritePage(
      page(
        '<details><summary>Report</summary><form action="" method="post"><button>Send</button></form></details>' +
          '<form method="get" action="/ar/questions/q-1" aria-label="Filter"><label for="f">اللغة</label><select id="f" name="lang">' +
          '<option value="">الكل (3)</option><option value="ar" selected="">العربية (2)</option><option value="zh" lang="zh-Hans">中文 (1)</option></select><button type="submit">OK</button></form>' +
          '<form method="get" action="/ar/search"><input name="q"></form>',
      ),
      ctx('/ar/questions/q-1?lang=ar'),
    );
    expect(html).not.toMatch(/<details|method="post"|<select/);
    expect(html).toContain('<a href="../index.html" class="text-brand underline underline-offset-2">الكل (3)</a>');
    expect(html).toContain('aria-current="page"');
    expect(html).toContain('href="../lang=zh/index.html"');
    expect(html).toContain('lang="zh-Hans"');
    expect(html).toContain('action="../../../search/index.html"');
  });

  it('rewrites CSS, Atom, sitemap and robots URLs', () => {
    const css = rewriteCssFile('@font-face{src:url(/_next/static/media/f.woff2)}a{background:url("https://cdn.example/x.png")}', ctx('/_next/static/css/a.css'));
    expect(css.text).toContain('url(../media/f.woff2)');
    expect(css.text).toContain('url("data:,")');
    const atom = rewriteXml('<feed><id>https://jsi.example/ar</id><link href="https://jsi.example/ar/questions/q-1#c-1"/><link href="/ar/admin"/></feed>', ctx('/ar/feeds/contributions.atom'));
    expect(atom.text).toContain('<id>https://jsi.example/ar</id>');
    expect(atom.text).toContain('href="../questions/q-1/index.html#c-1"');
    expect(atom.text).toContain('href="/ar/admin"');
    const sitemap = rewriteXml('<urlset><url><loc>https://jsi.example/fr/about</loc></url></urlset>', { ...ctx('/sitemap.xml'), baseUrl: 'https://archive.example/jsi' });
    expect(sitemap.text).toContain('<loc>https://archive.example/jsi/fr/about/index.html</loc>');
    const robots = rewriteRobots('User-Agent: *\nSitemap: https://jsi.example/sitemap.xml\n', ctx('/robots.txt'));
    expect(robots.text).toContain('Sitemap: sitemap.xml');
  });
});

describe('plural strings for the static search', () => {
  it('gives each CLDR category of the locale its form, the number as {n}', () => {
    const m = '{count, plural, zero {none} one {one page} two {two pages} few {# pages (few)} many {# pages (many)} other {# pages}}';
    expect(pluralForms(m, 'ar')).toEqual({ zero: 'none', one: 'one page', two: 'two pages', few: '{n} pages (few)', many: '{n} pages (many)', other: '{n} pages' });
    const ru = pluralForms('{count, plural, =0 {ноль} one {# страница} few {# страницы} many {# страниц} other {# страницы}}', 'ru');
    expect(ru).toEqual({ zero: 'ноль', one: '{n} страница', few: '{n} страницы', many: '{n} страниц', other: '{n} страницы' });
  });
});
