import { isLocale } from '@/lib/i18n/config';
import { atomResponse, explanationPath } from '@/lib/feeds/atom';
import { synthesisFeed } from '@/lib/feeds/build';

export const dynamic = 'force-dynamic';

/** Atom: published synthesis pages. */
export async function GET(req: Request, { params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!isLocale(locale)) return new Response('Not found', { status: 404 });
  return atomResponse(await synthesisFeed(locale), { request: req, explain: explanationPath(locale, `/${locale}/feeds/synthesis.atom`) });
}
