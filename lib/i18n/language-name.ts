import { langTag } from './config';

/**
 * The name of a language in the reader's language and script, by Intl.DisplayNames (`ar` in
 * Russian: "арабский"); the code itself when the runtime cannot name it.
 * `script: true` names the language as this site writes it (its `langTag`: zh is zh-Hans,
 * "chinois simplifié"), as the back office does; without it, the language alone ("chinois"),
 * as reader pages do.
 */
export function languageName(code: string, inLocale: string, options: { script?: boolean } = {}): string {
  try {
    return new Intl.DisplayNames([langTag(inLocale)], { type: 'language' }).of(options.script ? langTag(code) : code) ?? code;
  } catch {
    return code;
  }
}

/** The back office's name of a language: with its script where this site writes one (zh: "Simplified Chinese"). */
export const languageNameWithScript = (code: string, inLocale: string) => languageName(code, inLocale, { script: true });
