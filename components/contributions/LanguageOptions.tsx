import { endonyms, langTag, locales } from '@/lib/i18n/config';

/** The ten languages as <option>s of a contribution's language, each named in itself ("Deutsch", "العربية"). */
export function LanguageOptions() {
  return (
    <>
      {locales.map((l) => (
        <option key={l} value={l} lang={langTag(l)}>
          {endonyms[l]}
        </option>
      ))}
    </>
  );
}
