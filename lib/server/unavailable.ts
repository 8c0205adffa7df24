/**
 * The "temporarily unavailable" answer (503) the production server gives, without Next, when
 * PostgreSQL is away: a small self-contained page in the locale of the URL (or JSON for API
 * calls), with Retry-After. Its strings live here, not in messages/, because it is rendered
 * outside Next and next-intl, precisely when the app cannot render normally.
 */
import { defaultLocale, dirOf, isLocale, langTag } from '../i18n/config';

const TEXT: Record<string, { title: string; body: string; retry: string; home: string }> = {
  fr: {
    title: 'Service temporairement indisponible',
    body: 'La plateforme ne peut pas joindre sa base de données pour le moment. Aucune contribution déjà enregistrée n’est perdue.',
    retry: 'Merci de réessayer dans quelques instants.',
    home: 'Accueil',
  },
  en: {
    title: 'Temporarily unavailable',
    body: 'The platform cannot reach its database right now. No contribution already saved is lost.',
    retry: 'Please try again in a few moments.',
    home: 'Home',
  },
  de: {
    title: 'Vorübergehend nicht verfügbar',
    body: 'Die Plattform kann ihre Datenbank im Moment nicht erreichen. Bereits gespeicherte Beiträge gehen nicht verloren.',
    retry: 'Bitte versuchen Sie es in einigen Augenblicken erneut.',
    home: 'Startseite',
  },
  es: {
    title: 'Servicio temporalmente no disponible',
    body: 'La plataforma no puede acceder a su base de datos en este momento. No se pierde ninguna contribución ya guardada.',
    retry: 'Vuelva a intentarlo dentro de unos instantes.',
    home: 'Inicio',
  },
  it: {
    title: 'Servizio temporaneamente non disponibile',
    body: 'La piattaforma non riesce a raggiungere il proprio database in questo momento. Nessun contributo già salvato va perso.',
    retry: 'Riprova tra qualche istante.',
    home: 'Home',
  },
  pt: {
    title: 'Serviço temporariamente indisponível',
    body: 'A plataforma não consegue aceder à sua base de dados neste momento. Nenhuma contribuição já guardada se perde.',
    retry: 'Tente novamente dentro de alguns instantes.',
    home: 'Início',
  },
  ru: {
    title: 'Сервис временно недоступен',
    body: 'Платформа сейчас не может связаться со своей базой данных. Уже сохранённые материалы не потеряны.',
    retry: 'Пожалуйста, повторите попытку через несколько минут.',
    home: 'Главная',
  },
  ar: {
    title: 'الخدمة غير متاحة مؤقتاً',
    body: 'لا تستطيع المنصة الوصول إلى قاعدة بياناتها في الوقت الحالي. لن تضيع أي مساهمة محفوظة مسبقاً.',
    retry: 'يرجى المحاولة مرة أخرى بعد لحظات.',
    home: 'الصفحة الرئيسية',
  },
  zh: {
    title: '服务暂时不可用',
    body: '平台目前无法连接其数据库。已保存的稿件不会丢失。',
    retry: '请稍后再试。',
    home: '首页',
  },
  ko: {
    title: '일시적으로 이용할 수 없습니다',
    body: '플랫폼이 지금 데이터베이스에 연결할 수 없습니다. 이미 저장된 의견은 사라지지 않습니다.',
    retry: '잠시 후 다시 시도해 주세요.',
    home: '홈',
  },
};

export const UNAVAILABLE_LOCALES = Object.keys(TEXT);

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The locale of a request path (/{locale}/…), French otherwise. */
export function localeOfPath(url: string): string {
  const first = url.split(/[/?#]/)[1];
  return isLocale(first) ? first : defaultLocale;
}

/** A complete, style-attribute-free HTML page (the CSP allows no inline style without nonce). */
export function unavailableHtml(locale: string, nonce: string): string {
  const t = TEXT[locale] ?? TEXT[defaultLocale];
  const l = TEXT[locale] ? locale : defaultLocale;
  return `<!DOCTYPE html><html lang="${langTag(l)}" dir="${dirOf(l)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>${esc(t.title)} · Je suis Internet</title><style nonce="${nonce}">body{font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;line-height:1.5;color:#111}h1{font-size:1.6rem}a{color:#00468c}</style></head><body><main><h1>${esc(t.title)}</h1><p>${esc(t.body)}</p><p>${esc(t.retry)}</p><p><a href="/${l}">${esc(t.home)}</a></p></main></body></html>`;
}

export function unavailableJson(locale: string): string {
  const t = TEXT[locale] ?? TEXT[defaultLocale];
  return JSON.stringify({ error: 'unavailable', message: t.title });
}
