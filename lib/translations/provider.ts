/**
 * Machine translation providers. One interface, translate(text, from, to), and two HTTP
 * implementations for the APIs most self-hostable or contractable services speak:
 *  - LibreTranslate-compatible: POST {url}/translate, JSON {q, source, target, format, api_key}
 *    → {translatedText};
 *  - DeepL-compatible: POST {url}/v2/translate, header Authorization: DeepL-Auth-Key <key>,
 *    JSON {text: [..], source_lang, target_lang} → {translations: [{text}]}.
 * Configured by TRANSLATION_PROVIDER (none | libretranslate | deepl), TRANSLATION_API_URL and
 * TRANSLATION_API_KEY (lib/env.ts); none is configured by default. No server-only import: the
 * jobs worker runs in the server process, outside Next's bundles.
 */
import { env } from '../env';

export interface TranslationProvider {
  readonly name: string;
  translate(text: string, from: string, to: string): Promise<string>;
}

/** A failed call. `retryable`: worth trying again later (network, 429, 5xx, quota). */
export class TranslationError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'TranslationError';
  }
}

export interface HttpProviderOptions {
  url: string;
  apiKey?: string;
  timeoutMs?: number;
  fetch?: typeof fetch;
}

const MAX_CHARS = 20_000;

function endpoint(base: string, path: string): string {
  const trimmed = base.replace(/\/+$/, '');
  return trimmed.endsWith(path) ? trimmed : `${trimmed}${path}`;
}

async function call(
  f: typeof fetch,
  url: string,
  init: RequestInit,
  timeoutMs: number,
): Promise<unknown> {
  let res: Response;
  try {
    res = await f(url, { ...init, signal: AbortSignal.timeout(timeoutMs), redirect: 'error' });
  } catch (e) {
    throw new TranslationError(`request failed: ${(e as Error).message}`, true);
  }
  const text = await res.text().catch(() => '');
  if (!res.ok) {
    const retryable = res.status === 408 || res.status === 429 || res.status === 456 || res.status >= 500;
    throw new TranslationError(`HTTP ${res.status}: ${text.slice(0, 200)}`, retryable, res.status);
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new TranslationError('invalid JSON in the response', true, res.status);
  }
}

function checkInput(text: string, from: string, to: string) {
  if (!text.trim()) throw new TranslationError('empty text', false);
  if (text.length > MAX_CHARS) throw new TranslationError('text too long', false);
  if (from === to) throw new TranslationError('same language', false);
}

/** Our locale codes in LibreTranslate (it names Chinese zh, or zh-Hans in recent versions). */
const LIBRE_CODES: Record<string, string> = { zh: 'zh' };

export function libreTranslateProvider(o: HttpProviderOptions): TranslationProvider {
  const f = o.fetch ?? fetch;
  const url = endpoint(o.url, '/translate');
  return {
    name: 'libretranslate',
    async translate(text, from, to) {
      checkInput(text, from, to);
      const body: Record<string, string> = { q: text, source: LIBRE_CODES[from] ?? from, target: LIBRE_CODES[to] ?? to, format: 'text' };
      if (o.apiKey) body.api_key = o.apiKey;
      const data = (await call(f, url, { method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'application/json' }, body: JSON.stringify(body) }, o.timeoutMs ?? 20_000)) as {
        translatedText?: unknown;
      };
      if (typeof data?.translatedText !== 'string' || !data.translatedText.trim()) throw new TranslationError('no translatedText in the response', true);
      return data.translatedText;
    },
  };
}

/** DeepL wants regional targets for English and Portuguese, and ZH-HANS for simplified Chinese. */
const DEEPL_TARGET: Record<string, string> = { en: 'EN-GB', pt: 'PT-PT', zh: 'ZH-HANS' };

export function deeplTargetCode(locale: string): string {
  return DEEPL_TARGET[locale] ?? locale.toUpperCase();
}
export function deeplSourceCode(locale: string): string {
  return locale.toUpperCase();
}

export function deeplProvider(o: HttpProviderOptions): TranslationProvider {
  const f = o.fetch ?? fetch;
  const url = endpoint(o.url, '/v2/translate');
  return {
    name: 'deepl',
    async translate(text, from, to) {
      checkInput(text, from, to);
      const headers: Record<string, string> = { 'Content-Type': 'application/json', Accept: 'application/json' };
      if (o.apiKey) headers.Authorization = `DeepL-Auth-Key ${o.apiKey}`;
      const data = (await call(
        f,
        url,
        { method: 'POST', headers, body: JSON.stringify({ text: [text], source_lang: deeplSourceCode(from), target_lang: deeplTargetCode(to) }) },
        o.timeoutMs ?? 20_000,
      )) as { translations?: { text?: unknown }[] };
      const out = data?.translations?.[0]?.text;
      if (typeof out !== 'string' || !out.trim()) throw new TranslationError('no translations[0].text in the response', true);
      return out;
    },
  };
}

/** The configured provider, or null when TRANSLATION_PROVIDER=none (the default). */
export function configuredProvider(): TranslationProvider | null {
  const e = env();
  if (e.TRANSLATION_PROVIDER === 'none' || !e.TRANSLATION_API_URL) return null;
  const o = { url: e.TRANSLATION_API_URL, apiKey: e.TRANSLATION_API_KEY };
  return e.TRANSLATION_PROVIDER === 'deepl' ? deeplProvider(o) : libreTranslateProvider(o);
}
