/**
 * The conference's fixed facts: its title and venue in the ten languages, its dates. Plain data
 * of the publications domain (like the consultation's calendar in lib/consultation/phase.ts); the
 * sessions, their texts and proceedings are in the database (seeded from prisma/content).
 */
import { CONFERENCE_ENDS_AT, CONFERENCE_STARTS_AT } from '../consultation/phase';
import { defaultLocale, isLocale, type Locale } from '../i18n/config';

const TITLE: Record<Locale, string> = {
  de: "Internationalen Frieden und internationale Sicherheit in der digitalen Gesellschaft aufbauen",
  en: "Building international peace and security in the digital society",
  ar: "بناء السلام والأمن الدوليين في المجتمع الرقمي",
  zh: "构建数字社会的国际和平与安全",
  ko: "디지털 사회의 국제 평화와 안보 구축",
  es: "Construir la paz y la seguridad internacionales de la sociedad digital",
  fr: "Construire la paix et la sécurité internationales de la société numérique",
  it: "Costruire la pace e la sicurezza internazionali della società digitale",
  pt: "Construir a paz e a segurança internacionais da sociedade digital",
  ru: "Построение международного мира и безопасности в цифровом обществе",
};

const VENUE: Record<Locale, string> = {
  de: "UNESCO-Hauptsitz, Paris",
  en: "UNESCO headquarters, Paris",
  ar: "مقر اليونسكو، باريس",
  zh: "联合国教科文组织总部，巴黎",
  ko: "유네스코 본부, 파리",
  es: "Sede de la UNESCO, París",
  fr: "Siège de l'UNESCO, Paris",
  it: "Sede dell'UNESCO, Parigi",
  pt: "Sede da UNESCO, Paris",
  ru: "Штаб-квартира ЮНЕСКО, Париж",
};

export interface ConferenceInfo {
  title: string;
  venue: string;
  startsAt: Date;
  endsAt: Date;
}

/** Title, venue and dates of the conference, in `locale` (French for an unknown one). */
export function getConferenceInfo(locale: string): ConferenceInfo {
  const l = isLocale(locale) ? locale : defaultLocale;
  return { title: TITLE[l], venue: VENUE[l], startsAt: CONFERENCE_STARTS_AT, endsAt: CONFERENCE_ENDS_AT };
}
