import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { Link } from '@/components/i18n/Link';
import { Hero } from '@/components/home/Hero';
import { HomeSection } from '@/components/home/Section';
import { getTracks } from '@/lib/catalogue/queries';
import { CONFERENCE_STARTS_AT } from '@/lib/consultation/phase';
import { now } from '@/lib/clock';
import { absolute } from '@/lib/seo/metadata';
import { Countdown } from '@/components/home/Countdown';
import { ArchiveHome } from '@/components/home/ArchiveHome';
import { TrackTiles } from '@/components/home/TrackTiles';
import { currentPhase } from '@/lib/consultation/guard';
import { ReadingPage } from '@/lib/cache/reading-page';
import { tags } from '@/lib/cache/tags';
import { localized } from '@/lib/i18n/params';
import { LinkParagraph } from '@/components/layout/LinkParagraph';

/** What the home page shows: the tracks' counts, contributions, the conference (lib/cache/tags.ts). */
const HOME_TAGS = [tags.catalogue, tags.contributions, tags.publications];

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await localized(params);
  const closed = currentPhase() === 'closed';
  const t = await getTranslations({ locale, namespace: closed ? 'HomeArchive' : 'Home' });
  const feeds = await getTranslations({ locale, namespace: 'FeedsPage' });
  // The site's feeds, advertised to browsers and feed readers (as question pages do theirs).
  const atom = (path: string, title: string) => ({ url: absolute(`/${locale}/feeds/${path}`), title });
  return {
    title: { absolute: `${t(closed ? 'title' : 'headline')} · Je suis Internet` },
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
  const { locale } = await localized(params);
  setRequestLocale(locale);
  const t = await getTranslations('Home');
  const tracks = await getTracks(locale);
  // After closing, the home is the archive's home (past tense, no call to contribute).
  if (currentPhase() === 'closed') {
    return (
      <>
        <ReadingPage tags={HOME_TAGS} />
        <ArchiveHome tracks={tracks} />
      </>
    );
  }
  const remaining = CONFERENCE_STARTS_AT.getTime() - now().getTime();
  return (
    <div className="space-y-14">
      <ReadingPage tags={HOME_TAGS} />
      <Hero kicker={t('kicker')} title={t('headline')} intro={t('intro')} />

      <section aria-labelledby="tracks-heading">
        <h2 id="tracks-heading" className="text-2xl font-bold">
          {t('tracksHeading')}
        </h2>
        <TrackTiles tracks={tracks} archive={false} />
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
        <HomeSection id="how-heading" title={t('howTitle')}>
          <ol className="mt-3 list-decimal space-y-2 ps-5">
            <li>{t('howStep1')}</li>
            <li>{t('howStep2')}</li>
            <li>{t('howStep3')}</li>
            <li>{t('howStep4')}</li>
          </ol>
        </HomeSection>
        <HomeSection id="who-heading" title={t('whoTitle')}>
          <p className="mt-3">{t('whoText')}</p>
        </HomeSection>
        <HomeSection id="closing-heading" title={t('closingTitle')}>
          <p className="mt-3">{t('closingText')}</p>
          <LinkParagraph href="/about" className="mt-3" underlineOffset>
            {t('moreAbout')}
          </LinkParagraph>
        </HomeSection>
      </div>
    </div>
  );
}
