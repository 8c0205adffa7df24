/** The HTTP translation providers against a local server speaking each API (loopback only). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deeplProvider, deeplTargetCode, libreTranslateProvider, TranslationError } from '../../lib/translations/provider';
import { backoffDelay, missingLocales } from '../../lib/translations/jobs';
import { startFakeTranslationServer, type FakeTranslationServer } from '../support/fake-translation-server';

let server: FakeTranslationServer;
beforeAll(async () => {
  server = await startFakeTranslationServer({ apiKey: 'k3y' });
});
afterAll(() => server.close());

describe('LibreTranslate-compatible provider', () => {
  it('posts {q, source, target, format, api_key} to /translate', async () => {
    const p = libreTranslateProvider({ url: server.url, apiKey: 'k3y' });
    expect(await p.translate('Bonjour', 'fr', 'ar')).toBe('[ar] Bonjour');
    const last = server.requests.at(-1)!;
    expect(last.path).toBe('/translate');
    expect(last.body).toEqual({ q: 'Bonjour', source: 'fr', target: 'ar', format: 'text', api_key: 'k3y' });
    expect(p.name).toBe('libretranslate');
  });
  it('accepts a base URL ending with /translate or a slash', async () => {
    expect(await libreTranslateProvider({ url: `${server.url}/translate`, apiKey: 'k3y' }).translate('a', 'en', 'de')).toBe('[de] a');
    expect(await libreTranslateProvider({ url: `${server.url}/`, apiKey: 'k3y' }).translate('a', 'en', 'de')).toBe('[de] a');
  });
  it('reports a wrong key as a permanent error, a 503 as a retryable one', async () => {
    const bad = libreTranslateProvider({ url: server.url, apiKey: 'nope' });
    await expect(bad.translate('x', 'fr', 'en')).rejects.toMatchObject({ retryable: false, status: 403 });
    server.failNext(1, 503);
    const p = libreTranslateProvider({ url: server.url, apiKey: 'k3y' });
    await expect(p.translate('x', 'fr', 'en')).rejects.toMatchObject({ retryable: true, status: 503 });
    server.failNext(1, 429);
    await expect(p.translate('x', 'fr', 'en')).rejects.toMatchObject({ retryable: true, status: 429 });
  });
  it('treats an unreachable server and a timeout as retryable', async () => {
    const p = libreTranslateProvider({ url: 'http://127.0.0.1:9', apiKey: 'k3y' });
    const e = await p.translate('x', 'fr', 'en').catch((err) => err);
    expect(e).toBeInstanceOf(TranslationError);
    expect(e.retryable).toBe(true);
  });
  it('refuses empty text and same-language requests without calling', async () => {
    const before = server.requests.length;
    const p = libreTranslateProvider({ url: server.url });
    await expect(p.translate('  ', 'fr', 'en')).rejects.toMatchObject({ retryable: false });
    await expect(p.translate('x', 'fr', 'fr')).rejects.toMatchObject({ retryable: false });
    expect(server.requests.length).toBe(before);
  });
});

describe('DeepL-compatible provider', () => {
  it('posts to /v2/translate with the DeepL-Auth-Key header and DeepL language codes', async () => {
    const p = deeplProvider({ url: server.url, apiKey: 'k3y' });
    expect(await p.translate('Привет', 'ru', 'zh')).toBe('[zh-hans] Привет');
    const last = server.requests.at(-1)!;
    expect(last.path).toBe('/v2/translate');
    expect(last.headers.authorization).toBe('DeepL-Auth-Key k3y');
    expect(last.body).toEqual({ text: ['Привет'], source_lang: 'RU', target_lang: 'ZH-HANS' });
    expect(await p.translate('Olá', 'pt', 'en')).toBe('[en-gb] Olá');
  });
  it('maps our locales to DeepL targets', () => {
    expect(['de', 'en', 'ar', 'zh', 'ko', 'es', 'fr', 'it', 'pt', 'ru'].map(deeplTargetCode)).toEqual(['DE', 'EN-GB', 'AR', 'ZH-HANS', 'KO', 'ES', 'FR', 'IT', 'PT-PT', 'RU']);
  });
  it('reports a wrong key as permanent, a quota (456) as retryable', async () => {
    await expect(deeplProvider({ url: server.url, apiKey: 'bad' }).translate('x', 'fr', 'en')).rejects.toMatchObject({ retryable: false, status: 403 });
    server.failNext(1, 456);
    await expect(deeplProvider({ url: server.url, apiKey: 'k3y' }).translate('x', 'fr', 'en')).rejects.toMatchObject({ retryable: true, status: 456 });
  });
});

describe('job helpers', () => {
  it('backs off exponentially, capped', () => {
    const policy = { baseDelayMs: 1000, maxDelayMs: 10_000 };
    expect([1, 2, 3, 4, 5, 6].map((n) => backoffDelay(n, policy))).toEqual([1000, 2000, 4000, 8000, 10_000, 10_000]);
  });
  it('lists the locales still to translate (missing, or stale machine ones; never reviewed ones)', () => {
    expect(missingLocales('fr', [])).toEqual(['de', 'en', 'ar', 'zh', 'ko', 'es', 'it', 'pt', 'ru']);
    expect(
      missingLocales('ar', [
        { locale: 'fr', kind: 'REVIEWED', stale: true },
        { locale: 'en', kind: 'MACHINE', stale: true },
        { locale: 'de', kind: 'MACHINE', stale: false },
      ]),
    ).toEqual(['en', 'zh', 'ko', 'es', 'fr', 'it', 'pt', 'ru'].filter((l) => l !== 'fr'));
  });
});
