/**
 * Page metadata in the page's language: title, description, canonical and hreflang alternates
 * for the ten locales, Open Graph, and Atom feeds as rel="alternate" links.
 * The site's absolute address: PUBLIC_URL, or http://localhost:PORT.
 */
import type { Metadata } from 'next';
import { env } from '../env';
import { defaultLocale, locales } from '../i18n/config';

export function siteUrl(): string {
  const e = env();
  return (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, '');
}

/** Absolute URL of a path that already starts with '/'. */
export function absolute(path: string): string {
  return `${siteUrl()}${path}`;
}

/** hreflang → absolute URL of the same page in each locale (plus x-default: French). */
export function languageAlternates(path: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const l of locales) out[l === 'zh' ? 'zh-Hans' : l] = absolute(`/${l}${path}`);
  out['x-default'] = absolute(`/${defaultLocale}${path}`);
  return out;
}

const ogLocale: Record<string, string> = {
  de: 'de_DE',
  en: 'en_GB',
  ar: 'ar_AR',
  zh: 'zh_CN',
  ko: 'ko_KR',
  es: 'es_ES',
  fr: 'fr_FR',
  it: 'it_IT',
  pt: 'pt_PT',
  ru: 'ru_RU',
};

export function pageMetadata(o: {
  locale: string;
  /** Path after the locale, '' for the home page, e.g. '/documents/un-gge-2015'. */
  path: string;
  title: string;
  description: string;
  siteName?: string;
  type?: 'website' | 'article';
  feeds?: { title: string; path: string }[];
  noindex?: boolean;
}): Metadata {
  const url = absolute(`/${o.locale}${o.path}`);
  return {
    title: o.title,
    description: o.description,
    alternates: {
      canonical: url,
      languages: languageAlternates(o.path),
      types: o.feeds?.length ? { 'application/atom+xml': o.feeds.map((f) => ({ url: absolute(f.path), title: f.title })) } : undefined,
    },
    openGraph: {
      title: o.title,
      description: o.description,
      url,
      siteName: o.siteName,
      locale: ogLocale[o.locale] ?? o.locale,
      alternateLocale: locales.filter((l) => l !== o.locale).map((l) => ogLocale[l]),
      type: o.type ?? 'website',
    },
    robots: o.noindex ? { index: false, follow: true } : undefined,
  };
}

/** A description from markdown or long text: plain, one line, ~160 characters. */
export function describe(text: string, max = 160): string {
  const plain = text
    .replace(/\{#[a-z0-9-]+\}/g, '')
    .replace(/[#*_`>[\]]+/g, '')
    .replace(/\([^)]*https?:[^)]*\)/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  const chars = Array.from(plain);
  return chars.length <= max ? plain : chars.slice(0, max - 1).join('').replace(/\s+\S*$/, '') + '…';
}
