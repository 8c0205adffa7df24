import { isLocale } from '@/lib/i18n/config';
import { atomResponse, explanationPath } from '@/lib/feeds/atom';
import { contributionsFeed } from '@/lib/feeds/build';

export const dynamic = 'force-dynamic';

/** Atom: the latest published contributions on one question (/{locale}/feeds/questions/{slug}.atom). */
export async function GET(req: Request, { params }: { params: Promise<{ locale: string; file: string }> }) {
  const { locale, file } = await params;
  const m = /^([a-z0-9-]{1,100})\.atom$/.exec(file);
  if (!isLocale(locale) || !m) return new Response('Not found', { status: 404 });
  const xml = await contributionsFeed(locale, m[1]);
  return xml ? atomResponse(xml, { request: req, explain: explanationPath(locale, `/${locale}/feeds/questions/${m[1]}.atom`) }) : new Response('Not found', { status: 404 });
}
