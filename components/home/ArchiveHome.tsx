import { getTranslations } from 'next-intl/server';
import { Link } from '@/components/i18n/Link';
import { Hero } from '@/components/home/Hero';
import { HomeSection } from '@/components/home/Section';
import type { TrackView } from '@/lib/catalogue/queries';
import { TrackTiles } from './TrackTiles';
import { LinkParagraph } from '@/components/layout/LinkParagraph';

/**
 * The home page after closing: the archive's home, in the past tense. What the consultation
 * was, when it ran, what it produced and where to read it; no call to contribute and no link
 * to a contribution form (issue 13).
 */
export async function ArchiveHome({ tracks }: { tracks: TrackView[] }) {
  const t = await getTranslations('HomeArchive');
  const produced = [
    ['/conference', t('producedConference')],
    ['/documents', t('producedDocuments')],
    ['/synthesis', t('producedSynthesis')],
    ['/stats', t('producedStats')],
    ['/open-data', t('producedOpenData')],
  ] as const;
  return (
    <div className="space-y-14" data-testid="archive-home">
      <Hero kicker={t('kicker')} title={t('title')} intro={t('intro')} />

      <section aria-labelledby="tracks-heading">
        <h2 id="tracks-heading" className="text-2xl font-bold">
          {t('tracksHeading')}
        </h2>
        <TrackTiles tracks={tracks} archive />
      </section>

      <div className="grid gap-8 md:grid-cols-2">
        <HomeSection id="when-heading" title={t('whenTitle')}>
          <ul className="mt-3 list-disc space-y-2 ps-5">
            <li>{t('whenOpened')}</li>
            <li>{t('whenConference')}</li>
            <li>{t('whenClosed')}</li>
          </ul>
          <LinkParagraph href="/about" className="mt-3" underlineOffset>
            {t('moreAbout')}
          </LinkParagraph>
        </HomeSection>
        <HomeSection id="produced-heading" title={t('producedTitle')}>
          <ul className="mt-3 list-disc space-y-2 ps-5">
            {produced.map(([href, label]) => (
              <li key={href}>
                <Link href={href} className="text-brand underline underline-offset-2">
                  {label}
                </Link>
              </li>
            ))}
          </ul>
        </HomeSection>
      </div>
    </div>
  );
}
