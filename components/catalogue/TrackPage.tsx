import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { Link } from '@/components/i18n/Link';
import { getTrack, getTracks } from '@/lib/catalogue/queries';
import { ReadingPage } from '@/lib/cache/reading-page';
import { tags } from '@/lib/cache/tags';
import { localized } from '@/lib/i18n/params';
import type { Locale } from '@/lib/i18n/config';
import { ProvenanceNote } from '@/components/publications/ProvenanceNote';

/** A contribution track: its themes, each with its questions and context paragraphs. */
export async function TrackPage({ locale, slug }: { locale: Locale; slug: string }) {
  setRequestLocale(locale);
  const t = await getTranslations('Track');
  const tp = await getTranslations('TrackProvenance');
  const [track, tracks] = await Promise.all([getTrack(slug, locale), getTracks(locale)]);
  if (!track) notFound();
  const other = tracks.find((x) => x.slug !== slug);
  // The themes and their questions are 2017 texts (or this platform's translations): said once, per kind.
  const provenances = [...new Map(track.themes.map((th) => [`${th.provenance} ${th.source}`, th])).values()];
  return (
    <article>
      <h1 className="text-3xl font-extrabold text-brand-dark">{track.title}</h1>
      <p className="mt-2 max-w-3xl text-lg text-muted">{track.summary}</p>
      {provenances.map((p) => (
        <ProvenanceNote
          key={`${p.provenance} ${p.source}`}
          kind={p.provenance}
          source={p.source}
          originalHref={`/fr/${slug}`}
          subject={tp('themes')}
        />
      ))}
      <div className="mt-8 space-y-10">
        {track.themes.map((theme) => {
          const single = theme.questions.length === 1 && theme.questions[0].slug === theme.slug;
          return (
            <section key={theme.slug} aria-labelledby={`theme-${theme.slug}`} id={theme.slug} className="rounded-lg border border-line p-6">
              <p className="text-xs font-semibold uppercase tracking-wider text-muted">{theme.label}</p>
              <h2 id={`theme-${theme.slug}`} className="mt-1 text-xl font-bold">
                {theme.title}
              </h2>
              {theme.context ? <p className="mt-3 max-w-4xl text-muted">{theme.context}</p> : null}
              {single ? (
                <p className="mt-4 flex flex-wrap items-center gap-4">
                  <Link href={`/questions/${theme.questions[0].slug}`} className="rounded bg-brand px-4 py-2 font-semibold text-white hover:bg-brand-dark">
                    {t('readAndSpeak')}
                    <span className="sr-only"> — {theme.questions[0].title}</span>
                  </Link>
                  <span className="text-sm text-muted" data-testid="count">
                    {t('contributions', { count: theme.questions[0].published })}
                  </span>
                </p>
              ) : (
                <>
                  <h3 className="mt-5 text-sm font-semibold text-muted">{t('questionsOfTheme')}</h3>
                  <ul className="mt-2 divide-y divide-line">
                    {theme.questions.map((q) => (
                      <li key={q.slug} className="flex flex-wrap items-baseline justify-between gap-2 py-3">
                        <Link href={`/questions/${q.slug}`} className="font-medium text-brand underline-offset-2 hover:underline">
                          {q.title}
                        </Link>
                        <span className="text-sm text-muted" data-testid="count">
                          {t('contributions', { count: q.published })}
                        </span>
                      </li>
                    ))}
                  </ul>
                </>
              )}
            </section>
          );
        })}
      </div>
      {other ? (
        <p className="mt-10 flex flex-wrap gap-x-2">
          <span>{t('otherTrack')}</span>
          <Link href={`/${other.slug}`} className="text-brand underline underline-offset-2">
            {other.title}
          </Link>
        </p>
      ) : null}
    </article>
  );
}

type Props = { params: Promise<{ locale: string }> };

/** The route of a track (`app/[locale]/citizens/page.tsx`, `…/experts/page.tsx`): a reading page of the catalogue. */
export function trackRoute(slug: 'citizens' | 'experts') {
  return {
    async generateMetadata({ params }: Props): Promise<Metadata> {
      const { locale } = await params;
      const track = await getTrack(slug, locale);
      return { title: track?.title, description: track?.summary };
    },
    async Page({ params }: Props) {
      const { locale } = await localized(params);
      return (
        <>
          <ReadingPage tags={[tags.catalogue, tags.contributions]} />
          <TrackPage locale={locale} slug={slug} />
        </>
      );
    },
  };
}
