/**
 * Suggests the language of a contribution among the platform's ten. Scripts that only one of
 * our languages uses decide at once (Arabic, Hangul, Han, Cyrillic); Latin-script text goes to
 * ELD (the `eld` package, its smallest n-gram database, loaded lazily on first use: about
 * 30 MB of heap), restricted to our Latin-script languages. Server side only (the database is
 * far too large to ship to browsers); the form asks the server as the contributor types.
 */
import type { Locale } from '../i18n/config';

export interface LanguageGuess {
  language: Locale | null;
  reliable: boolean;
}

const LATIN: Locale[] = ['de', 'en', 'es', 'fr', 'it', 'pt'];

/** Counts letters per script; returns the single-language script that dominates, if any. */
export function scriptGuess(text: string): Locale | 'latin' | null {
  const counts = { ar: 0, ko: 0, zh: 0, ru: 0, latin: 0 };
  for (const ch of text) {
    if (/\p{Script=Arabic}/u.test(ch)) counts.ar++;
    else if (/\p{Script=Hangul}/u.test(ch)) counts.ko++;
    else if (/\p{Script=Han}/u.test(ch)) counts.zh++;
    else if (/\p{Script=Cyrillic}/u.test(ch)) counts.ru++;
    else if (/\p{Script=Latin}/u.test(ch)) counts.latin++;
  }
  // Korean text may quote Han characters: Hangul wins whenever it is substantial.
  if (counts.ko > 0 && counts.ko >= counts.zh / 3) counts.ko += counts.zh;
  const total = counts.ar + counts.ko + counts.zh + counts.ru + counts.latin;
  if (total === 0) return null;
  const [best, n] = (Object.entries(counts) as [keyof typeof counts, number][]).sort((a, b) => b[1] - a[1])[0];
  return n / total >= 0.5 ? (best as Locale | 'latin') : null;
}

type Detector = { detect(text: string): { language: string; isReliable(): boolean } };
let detector: Promise<Detector> | null = null;

async function loadDetector(): Promise<Detector> {
  detector ??= import('eld/extrasmall').then(({ eld }) => {
    eld.setLanguageSubset(LATIN);
    return eld as Detector;
  });
  return detector;
}

/** The most likely language of `text` among the ten, or null when the text says too little. */
export async function detectLanguage(text: string): Promise<LanguageGuess> {
  const sample = text.slice(0, 2_000);
  const script = scriptGuess(sample);
  if (script === null) return { language: null, reliable: false };
  if (script !== 'latin') return { language: script, reliable: sample.length >= 10 };
  const d = await loadDetector();
  const r = d.detect(sample);
  const language = (LATIN as string[]).includes(r.language) ? (r.language as Locale) : null;
  return { language, reliable: language !== null && r.isReliable() };
}
