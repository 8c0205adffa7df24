/**
 * What visitors read after the consultation, in real Chromium, in French, Arabic and Chinese:
 * the conference and a session, the documents library (anchor #norm-c), the synthesis with a
 * citation of a hidden contribution, search (a Chinese contribution found by a two-character
 * word, a Russian one by an inflected form), statistics, open data, feeds, sitemap and robots;
 * and the two editors of the back office (proceedings by an admin, synthesis by a moderator).
 * Contributions are written straight into the ARCHIVE server's database with pg.
 */
import crypto from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import pg from 'pg';
import { ARCHIVE } from './servers';
import { CACHE_CHANNEL } from '../../lib/server/cache-bus';

test.use({ baseURL: ARCHIVE.url });

const RUN = crypto.randomBytes(3).toString('hex');
const ZH_BODY = `我认为各国应当加强网络安全方面的国际合作，共同应对跨境攻击。编号${RUN}`;
const RU_BODY = `Государства обязаны обеспечивать безопасность критической инфраструктуры. Метка ${RUN}`;
const ids = { zh: '', ru: '', hidden: '', shown: '' };

async function withDb<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ host: '127.0.0.1', port: ARCHIVE.pgPort, user: 'postgres', password: 'postgres', database: 'jesuisinternet' });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

async function insertContribution(
  c: pg.Client,
  o: { language: string; body: string; status?: string; pseudonym?: string; question?: string },
) {
  const id = crypto.randomUUID();
  await c.query(
    `INSERT INTO "Contribution" (id, "questionId", pseudonym, body, language, status, "editTokenHash", "idempotencyKey", "createdAt", "updatedAt", "publishedAt")
     SELECT $1, q.id, $2, $3, $4, $5::"ContributionStatus", $6, $7, '2017-05-10T10:00:00Z', now(), '2017-05-10T11:00:00Z'
     FROM "Question" q WHERE q.slug = $8`,
    [id, o.pseudonym ?? `e2e-${RUN}`, o.body, o.language, o.status ?? 'PUBLISHED', crypto.randomBytes(16).toString('hex'), crypto.randomUUID(), o.question ?? 'attribution-criteria'],
  );
  return id;
}

test.beforeAll(async () => {
  await withDb(async (c) => {
    ids.zh = await insertContribution(c, { language: 'zh', body: ZH_BODY });
    ids.ru = await insertContribution(c, { language: 'ru', body: RU_BODY });
    ids.shown = await insertContribution(c, { language: 'en', body: `Shared technical evidence must come first. ${RUN}`, pseudonym: `Ada-${RUN}` });
    ids.hidden = await insertContribution(c, { language: 'fr', body: `Texte qui sera masqué ${RUN}`, status: 'HIDDEN' });
    const theme = await c.query(`SELECT id FROM "Theme" WHERE slug = 'attribution-criteria'`);
    await c.query(
      `INSERT INTO "SynthesisPage" (id, "themeId", locale, title, body, status, "publishedAt", "createdAt", "updatedAt")
       VALUES ($1, $2, 'fr', $3, $4, 'PUBLISHED', now(), now(), now())`,
      [crypto.randomUUID(), theme.rows[0].id, `Synthèse e2e ${RUN}`, `Les contributions convergent.\n\n[[cite:${ids.shown}]]\n\n[[cite:${ids.hidden}]]`],
    );
    // Written behind the application's back: tell the servers' page caches, as invalidate()
    // would (lib/server/cache-bus.ts), or pages cached by earlier specs stay up to 60 s.
    await c.query('SELECT pg_notify($1, $2)', [CACHE_CHANNEL, JSON.stringify({ from: 'e2e', tags: ['*'] })]);
  });
});

async function basicChecks(page: Page, locale: string) {
  await expect(page.locator('html')).toHaveAttribute('lang', locale === 'zh' ? 'zh-Hans' : locale);
  await expect(page.locator('html')).toHaveAttribute('dir', locale === 'ar' ? 'rtl' : 'ltr');
  await expect(page.locator('h1')).toHaveCount(1);
}

for (const locale of ['fr', 'ar', 'zh'] as const) {
  test(`${locale}: conference programme, editorials, study, press release; a session without proceedings`, async ({ page }) => {
    const res = await page.goto(`/${locale}/conference`);
    expect(res?.status()).toBe(200);
    await basicChecks(page, locale);
    await expect(page.locator('#programme')).toBeVisible();
    await expect(page.locator('#programme ~ section ol > li, section[aria-labelledby="programme"] li.rounded-lg')).toHaveCount(7);
    await expect(page.locator('#editorial-gautier')).toBeVisible();
    await expect(page.locator('#editorial-poupard')).toBeVisible();
    await expect(page.locator('#study-text')).toBeVisible();
    await expect(page.locator('#press-release-text')).toBeVisible();
    await expect(page.locator('head link[rel="alternate"][type="application/atom+xml"]')).toHaveCount(1);
    await expect(page.locator('head link[rel="alternate"][hreflang="zh-Hans"]')).toHaveCount(1);
    await page.locator('section[aria-labelledby="programme"] h4 a').nth(1).click();
    await expect(page).toHaveURL(new RegExp(`/${locale}/conference/panel-1-international-organisations$`));
    await basicChecks(page, locale);
    // The embedded demo set holds fictional proceedings for the panels, marked as demo (issue 13).
    await expect(page.locator('section[aria-labelledby="proceedings"] [data-testid="demo-marker"]').first()).toBeVisible();
    await page.goto(`/${locale}/conference/press-opening`);
    await expect(page.locator('section[aria-labelledby="proceedings"] p.italic')).toBeVisible();
  });

  test(`${locale}: documents library and the UN report with its norms anchorable`, async ({ page }) => {
    await page.goto(`/${locale}/documents`);
    await basicChecks(page, locale);
    await expect(page.locator('main li article')).toHaveCount(4);
    await page.goto(`/${locale}/documents/un-gge-2015#norm-c`);
    await basicChecks(page, locale);
    const norm = page.locator('#norm-c');
    await expect(norm).toBeInViewport();
    await expect(page.locator('.doc-text')).toHaveAttribute('lang', 'fr');
    for (const n of 'abcdefghijk') await expect(page.locator(`#norm-${n}`)).toHaveCount(1);
    await expect(page.locator('nav.toc a[href="#norm-c"]')).toHaveCount(1);
    await expect(page.locator('dl.doc-meta')).toContainText('A/70/174');
    // Month precision for the Paris Call Q&A: no day number in the date.
    await page.goto(`/${locale}/documents/paris-call-2018`);
    await expect(page.locator('dl.doc-meta time')).toHaveAttribute('datetime', '2018-11');
  });

  test(`${locale}: statistics as accessible SVG charts with data tables, mirrored in Arabic`, async ({ page }) => {
    await page.goto(`/${locale}/stats`);
    await basicChecks(page, locale);
    // Each chart is an image named by its title and description; its labels are HTML text, its bars SVG shapes.
    const charts = page.locator('figure.chart > [role="img"]');
    await expect(charts).toHaveCount(5);
    const first = charts.first();
    const labelled = await first.getAttribute('aria-labelledby');
    for (const id of labelled!.split(' ')) await expect(page.locator(`[id="${id}"]`)).toHaveCount(1);
    await expect(page.locator('figure.chart details table')).toHaveCount(5);
    // The first bar drawn inside its track (the track is the first rect of the row's SVG).
    const track = await first.locator('svg').first().boundingBox();
    const bar = await first.locator('svg').first().locator('rect').nth(1).boundingBox();
    // Bars grow from the start side: from the left in LTR, from the right in RTL.
    if (locale === 'ar') expect(Math.abs(bar!.x + bar!.width - (track!.x + track!.width))).toBeLessThan(2);
    else expect(Math.abs(bar!.x - track!.x)).toBeLessThan(2);
    expect(bar!.width).toBeLessThan(track!.width + 1);
  });

  test(`${locale}: open data page and search form`, async ({ page }) => {
    await page.goto(`/${locale}/open-data`);
    await basicChecks(page, locale);
    await expect(page.locator('a[href="/api/open-data/contributions.csv"]')).toBeVisible();
    // The licence of contributions is the operator's choice (CONTRIBUTIONS_LICENCE, default CC-BY-4.0).
    await expect(page.locator('main [data-testid="licence"]')).toContainText('CC-BY-4.0');
    await expect(page.locator('main')).toContainText('Licence Ouverte');
    await page.goto(`/${locale}/search?q=${encodeURIComponent('!!! ;;')}`);
    await basicChecks(page, locale);
    await expect(page.locator('main p[role="status"]')).toBeVisible();
  });
}

test('search: a Chinese contribution by a two-character word inside running text (zh)', async ({ page }) => {
  await page.goto('/zh/search');
  await page.locator('#q').fill('网络');
  await page.locator('#kind').selectOption('contribution');
  await page.locator('form[role="search"] button[type="submit"]').click();
  await expect(page).toHaveURL(/q=/);
  const hit = page.locator(`a[href$="#c-${ids.zh}"]`);
  await expect(hit).toHaveCount(1);
  const item = page.locator('li', { has: hit });
  await expect(item.locator('mark').first()).toHaveText('网络');
  await expect(item.locator('p[lang="zh-Hans"]')).toContainText(RUN);
});

test('search: a Russian contribution by another inflected form, in French and Arabic pages', async ({ page }) => {
  for (const locale of ['fr', 'ar']) {
    await page.goto(`/${locale}/search?q=${encodeURIComponent('безопасности инфраструктура')}&kind=contribution`);
    const hit = page.locator(`a[href$="#c-${ids.ru}"]`);
    await expect(hit).toHaveCount(1);
    await expect(page.locator('li', { has: hit }).locator('mark').first()).toBeVisible();
  }
  // The language filter keeps it; another language drops it.
  await page.goto(`/fr/search?q=${encodeURIComponent('безопасность')}&lang=ru&kind=contribution`);
  await expect(page.locator(`a[href$="#c-${ids.ru}"]`)).toHaveCount(1);
  await page.goto(`/fr/search?q=${encodeURIComponent('безопасность')}&lang=de&kind=contribution`);
  await expect(page.locator(`a[href$="#c-${ids.ru}"]`)).toHaveCount(0);
});

test('search: hostile input never breaks the page', async ({ request }) => {
  for (const q of ["'; DROP TABLE \"Contribution\"; --", '<script>alert(1)</script>', '.*+?^${}()|[]\\', 'x'.repeat(5000), '网络 security безопасность']) {
    const res = await request.get(`/fr/search?q=${encodeURIComponent(q)}`);
    expect(res.status(), q.slice(0, 30)).toBe(200);
    expect(await res.text()).not.toContain('<script>alert(1)</script>');
  }
});

test('synthesis: published page with a quoted contribution and a hidden one shown as unavailable (fr)', async ({ page }) => {
  await page.goto('/fr/synthesis');
  await basicChecks(page, 'fr');
  const article = page.locator('article', { hasText: `Synthèse e2e ${RUN}` });
  await expect(article).toBeVisible();
  await expect(article.locator('figure.citation blockquote')).toContainText('Shared technical evidence');
  await expect(article.locator(`figure.citation a[href="/fr/questions/attribution-criteria#c-${ids.shown}"]`)).toHaveCount(1);
  await expect(article.locator('figure.citation-unavailable')).toContainText('plus disponible');
  await expect(article).not.toContainText('sera masqué');
  // In Arabic there is no Arabic version: the French one is offered, marked as French.
  await page.goto('/ar/synthesis');
  await basicChecks(page, 'ar');
  await expect(page.locator('details[lang="fr"]', { hasText: `Synthèse e2e ${RUN}` })).toHaveCount(1);
});

test('open data: CSV and JSON are complete, valid and published-only', async ({ request }) => {
  const csv = await request.get('/api/open-data/contributions.csv');
  expect(csv.headers()['content-type']).toContain('text/csv');
  const body = await csv.text();
  expect(body).toContain(ids.zh);
  expect(body).not.toContain(ids.hidden);
  const json = await (await request.get('/api/open-data/contributions.json')).json();
  expect(json.licence).toBe('CC-BY-4.0');
  const ru = json.contributions.find((c: { id: string }) => c.id === ids.ru);
  expect(ru).toMatchObject({ language: 'ru', question_slug: 'attribution-criteria', text: RU_BODY, licence: 'CC-BY-4.0' });
});

test('feeds are well-formed Atom; sitemap has hreflang alternates; robots keeps crawlers out of admin and api', async ({ page, request }) => {
  await page.goto('/fr');
  for (const path of ['/fr/feeds/contributions.atom', '/zh/feeds/proceedings.atom', '/ar/feeds/synthesis.atom', '/fr/feeds/questions/attribution-criteria.atom']) {
    const res = await request.get(path);
    expect(res.status(), path).toBe(200);
    expect(res.headers()['content-type']).toContain('application/atom+xml');
    const xml = await res.text();
    const check = await page.evaluate((x) => {
      const d = new DOMParser().parseFromString(x, 'application/xml');
      const ns = 'http://www.w3.org/2005/Atom';
      return {
        error: d.getElementsByTagName('parsererror').length,
        root: d.documentElement.namespaceURI === ns && d.documentElement.localName === 'feed',
        id: d.documentElement.getElementsByTagNameNS(ns, 'id')[0]?.textContent ?? '',
        updated: d.documentElement.getElementsByTagNameNS(ns, 'updated').length > 0,
        entries: [...d.getElementsByTagNameNS(ns, 'entry')].map((e) => e.getElementsByTagNameNS(ns, 'id')[0]?.textContent ?? ''),
      };
    }, xml);
    expect(check.error, path).toBe(0);
    expect(check.root && check.updated).toBe(true);
    expect(check.id).toMatch(/^tag:/);
    if (path.includes('contributions') || path.includes('questions')) expect(check.entries).toContain(`tag:jesuisinternet.today,2017:contribution/${ids.shown}`);
  }
  expect((await request.get('/fr/feeds/questions/nope.atom')).status()).toBe(404);
  const sitemap = await (await request.get('/sitemap.xml')).text();
  expect(sitemap).toContain('/ar/documents/un-gge-2015</loc>');
  expect(sitemap).toMatch(/hreflang="zh-Hans" href="[^"]+\/zh\/conference"/);
  const robots = await (await request.get('/robots.txt')).text();
  expect(robots).toContain('Disallow: /*/admin');
  expect(robots).toContain('Disallow: /api/');
  expect(robots).toContain('Sitemap:');
});

test('unknown document or session: localized 404', async ({ page }) => {
  const doc = await page.goto('/ar/documents/nope');
  expect(doc?.status()).toBe(404);
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  const session = await page.goto('/zh/conference/nope');
  expect(session?.status()).toBe(404);
});

test('back office: an admin publishes proceedings, a moderator publishes a synthesis citing a contribution', async ({ page, browser }) => {
  await page.goto('/fr/admin/sign-in');
  await page.locator('#email').fill('admin@demo.jesuisinternet.test');
  await page.locator('#password').fill('demo-admin-2017');
  await page.locator('#password').press('Enter');
  await page.waitForURL(/\/fr\/admin(\?|$)/);
  await page.goto('/fr/admin/proceedings/panel-3-governments?lang=fr');
  await page.locator('#ed-title').fill(`Actes du panel 3 ${RUN}`);
  await page.locator('#ed-body').fill(`## Ouverture\n\nLes gouvernements ont débattu. <script>alert(1)</script>`);
  await page.getByRole('button', { name: 'Aperçu' }).click();
  await expect(page.locator('#ed-preview + div h2')).toHaveText('Ouverture');
  await expect(page.locator('#ed-preview + div script')).toHaveCount(0);
  await page.locator('input[name="status"][value="PUBLISHED"]').check();
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.locator('p[role="status"]')).toHaveText('Enregistré.');

  const visitor = await browser.newPage({ baseURL: ARCHIVE.url });
  await visitor.goto('/fr/conference/panel-3-governments');
  await expect(visitor.locator('#proceeding-title')).toHaveText(`Actes du panel 3 ${RUN}`);
  await visitor.goto('/zh/conference/panel-3-governments');
  await expect(visitor.locator('details[lang="fr"]')).toContainText(`Actes du panel 3 ${RUN}`);
  await visitor.goto(`/fr/search?q=${encodeURIComponent(`gouvernements débattu ${RUN}`)}&kind=proceeding`);
  await expect(visitor.locator('a[href="/fr/conference/panel-3-governments"]')).toHaveCount(1);

  // A plain moderator cannot open the proceedings editor, but writes the synthesis.
  const ctx = await browser.newContext({ baseURL: ARCHIVE.url });
  const mod = await ctx.newPage();
  await mod.goto('/fr/admin/sign-in');
  await mod.locator('#email').fill('moderator@demo.jesuisinternet.test');
  await mod.locator('#password').fill('demo-moderator-2017');
  await mod.locator('#password').press('Enter');
  await mod.waitForURL(/\/fr\/admin(\?|$)/);
  const forbidden = await mod.goto('/fr/admin/proceedings');
  expect(forbidden?.status()).toBe(403);
  await mod.goto('/fr/admin/synthesis/new');
  await mod.locator('#ed-locale').selectOption('zh');
  await mod.locator('#ed-theme').selectOption('attribution-criteria');
  await mod.locator('#ed-title').fill(`归因综述 ${RUN}`);
  await mod.locator('#ed-body').fill(`各方意见。\n\n[[cite:${ids.zh}]]`);
  await mod.locator('input[name="status"][value="PUBLISHED"]').check();
  await mod.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(mod.locator('p[role="status"]')).toHaveText('Enregistré.');
  await expect(mod.locator('#ed-preview + div figure.citation')).toContainText('网络安全');
  await visitor.goto('/zh/synthesis');
  const article = visitor.locator('article', { hasText: `归因综述 ${RUN}` });
  await expect(article.locator(`a[href="/zh/questions/attribution-criteria#c-${ids.zh}"]`)).toHaveCount(1);
  await ctx.close();
  await visitor.close();
});
