import { isLocale } from '@/lib/i18n/config';
import { atomResponse, explanationPath } from '@/lib/feeds/atom';
import { contributionsFeed } from '@/lib/feeds/build';

export const dynamic = 'force-dynamic';

/** Atom: the latest published contributions, site-wide. */
export async function GET(req: Request, { params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!isLocale(locale)) return new Response('Not found', { status: 404 });
  return atomResponse((await contributionsFeed(locale))!, { request: req, explain: explanationPath(locale, `/${locale}/feeds/contributions.atom`) });
}
