import type { Messages } from 'next-intl';
import { getTranslations } from 'next-intl/server';
import { isOneOf } from '@/lib/one-of';
import { Link } from '@/components/i18n/Link';
import type { TrackView } from '@/lib/catalogue/queries';

/**
 * The two tracks as the 2017 home page shows them (press kit, 2017): "User of digital
 * technologies" first, then "Legal experts", under those labels; this platform's longer
 * descriptions and counts below.
 */
/** Each has its 2017 label in the messages (HomeTiles.label.<slug>). */
export const SEED_HOME_ORDER = ['citizens', 'experts'] as const satisfies readonly (keyof Messages['HomeTiles']['label'])[];

export async function TrackTiles({ tracks, archive }: { tracks: TrackView[]; archive: boolean }) {
  const t = await getTranslations('Home');
  const tiles = await getTranslations('HomeTiles');
  const rank = (slug: string) => {
    const i = (SEED_HOME_ORDER as readonly string[]).indexOf(slug);
    return i < 0 ? SEED_HOME_ORDER.length : i;
  };
  const ordered = [...tracks].sort((a, b) => rank(a.slug) - rank(b.slug));
  return (
    <ul className="mt-5 grid gap-5 md:grid-cols-2" data-testid="track-tiles">
      {ordered.map((track) => {
        const questions = track.themes.reduce((n, th) => n + th.questions.length, 0);
        const contributions = track.themes.reduce((n, th) => n + th.questions.reduce((m, q) => m + q.published, 0), 0);
        const label = isOneOf(SEED_HOME_ORDER, track.slug) ? tiles(`label.${track.slug}`) : track.title;
        return (
          <li key={track.slug} className="flex flex-col rounded-lg border-2 border-brand p-6">
            <h3 className="text-2xl font-bold text-brand-dark">{label}</h3>
            {label !== track.title ? <p className="mt-1 text-sm font-semibold text-muted">{track.title}</p> : null}
            <p className="mt-2 flex-1">{track.summary}</p>
            <p className="mt-3 text-sm text-muted">
              {t('trackQuestions', { count: questions })} ·{' '}
              {archive ? tiles('contributions', { count: contributions }) : t('trackContributions', { count: contributions })}
            </p>
            <Link
              href={`/${track.slug}`}
              className="mt-4 inline-block self-start rounded bg-brand px-5 py-2.5 font-semibold text-white hover:bg-brand-dark"
              data-track={track.slug}
            >
              {archive ? tiles('read') : t('enterTrack')}
              <span className="sr-only"> — {label}</span>
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
