import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { Link } from '@/components/i18n/Link';
import { getTracks } from '@/lib/catalogue/queries';
import { CONFERENCE_STARTS_AT } from '@/lib/consultation/phase';
import { now } from '@/lib/clock';
import { absolute } from '@/lib/seo/metadata';
import { Countdown } from '@/components/home/Countdown';

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'Home' });
  const feeds = await getTranslations({ locale, namespace: 'FeedsPage' });
  // The site's feeds, advertised to browsers and feed readers (as question pages do theirs).
  const atom = (path: string, title: string) => ({ url: absolute(`/${locale}/feeds/${path}`), title });
  return {
    title: { absolute: `${t('headline')} · Je suis Internet` },
    alternates: {
      types: {
        'application/atom+xml': [
          atom('contributions.atom', feeds('contributions')),
          atom('proceedings.atom', feeds('proceedings')),
          atom('synthesis.atom', feeds('synthesis')),
        ],
      },
    },
  };
}

export default async function HomePage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations('Home');
  const tracks = await getTracks(locale);
  const remaining = CONFERENCE_STARTS_AT.getTime() - now().getTime();
  return (
    <div className="space-y-14">
      <section aria-labelledby="headline" className="rounded-lg bg-gradient-to-br from-brand-dark to-brand px-6 py-10 text-white">
        <p className="text-sm font-semibold uppercase tracking-wider opacity-90">{t('kicker')}</p>
        <h1 id="headline" className="mt-3 max-w-3xl text-3xl font-extrabold leading-tight sm:text-4xl">
          {t('headline')}
        </h1>
        <p className="mt-4 max-w-2xl text-lg opacity-95">{t('intro')}</p>
      </section>

      <section aria-labelledby="tracks-heading">
        <h2 id="tracks-heading" className="text-2xl font-bold">
          {t('tracksHeading')}
        </h2>
        <ul className="mt-5 grid gap-5 md:grid-cols-2">
          {tracks.map((track) => {
            const questions = track.themes.reduce((n, th) => n + th.questions.length, 0);
            const contributions = track.themes.reduce((n, th) => n + th.questions.reduce((m, q) => m + q.published, 0), 0);
            return (
              <li key={track.slug} className="flex flex-col rounded-lg border-2 border-brand p-6">
                <h3 className="text-2xl font-bold text-brand-dark">{track.title}</h3>
                <p className="mt-2 flex-1">{track.summary}</p>
                <p className="mt-3 text-sm text-muted">
                  {t('trackQuestions', { count: questions })} · {t('trackContributions', { count: contributions })}
                </p>
                <Link
                  href={`/${track.slug}`}
                  className="mt-4 inline-block self-start rounded bg-brand px-5 py-2.5 font-semibold text-white hover:bg-brand-dark"
                  data-track={track.slug}
                >
                  {t('enterTrack')}
                  <span className="sr-only"> — {track.title}</span>
                </Link>
              </li>
            );
          })}
        </ul>
      </section>

      <section aria-labelledby="conference-heading" className="rounded-lg bg-paper p-6">
        <h2 id="conference-heading" className="text-2xl font-bold">
          {t('conferenceTitle')}
        </h2>
        <p className="mt-1 text-muted">{t('conferenceWhere')}</p>
        <div className="mt-4">
          {remaining > 0 ? (
            <Countdown remainingMs={remaining} />
          ) : (
            <div data-testid="conference-past">
              <p className="text-lg font-semibold">{t('conferenceTookPlace')}</p>
              <ul className="mt-2 flex flex-wrap gap-4">
                <li>
                  <Link href="/conference" className="text-brand underline underline-offset-2">
                    {t('conferenceLinkProgramme')}
                  </Link>
                </li>
                <li>
                  <Link href="/documents" className="text-brand underline underline-offset-2">
                    {t('conferenceLinkDocuments')}
                  </Link>
                </li>
              </ul>
            </div>
          )}
        </div>
      </section>

      <div className="grid gap-8 md:grid-cols-3">
        <section aria-labelledby="how-heading">
          <h2 id="how-heading" className="text-xl font-bold">
            {t('howTitle')}
          </h2>
          <ol className="mt-3 list-decimal space-y-2 ps-5">
            <li>{t('howStep1')}</li>
            <li>{t('howStep2')}</li>
            <li>{t('howStep3')}</li>
            <li>{t('howStep4')}</li>
          </ol>
        </section>
        <section aria-labelledby="who-heading">
          <h2 id="who-heading" className="text-xl font-bold">
            {t('whoTitle')}
          </h2>
          <p className="mt-3">{t('whoText')}</p>
        </section>
        <section aria-labelledby="closing-heading">
          <h2 id="closing-heading" className="text-xl font-bold">
            {t('closingTitle')}
          </h2>
          <p className="mt-3">{t('closingText')}</p>
          <p className="mt-3">
            <Link href="/about" className="text-brand underline underline-offset-2">
              {t('moreAbout')}
            </Link>
          </p>
        </section>
      </div>
    </div>
  );
}
