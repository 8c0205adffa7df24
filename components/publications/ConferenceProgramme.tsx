import { getTranslations } from 'next-intl/server';
import { formatDate } from '@/lib/dates/format';
import { Link } from '@/components/i18n/Link';
import type { SessionView } from '@/lib/publications/queries';
import { DemoMarker } from '@/components/demo/DemoMarker';
import { ProvenanceNote } from '@/components/publications/ProvenanceNote';
import { SessionTime } from '@/components/publications/SessionTime';
import { TitledSection } from '@/components/layout/TitledSection';

/** One session of the programme: kind, title, time, description, speakers, and its proceedings (or that they are pending). */
async function ProgrammeSession({ s }: { s: SessionView }) {
  const t = await getTranslations('Conference');
  return (
    <li className="rounded-lg border border-line p-4">
      <p className="text-xs font-semibold uppercase tracking-wider text-accent">{t(s.kind === 'press' ? 'kindPress' : 'kindPanel')}</p>
      <h4 className="mt-1 text-lg font-bold">
        <Link href={`/conference/${s.slug}`} className="text-brand underline-offset-2 hover:underline">
          {s.title}
        </Link>
      </h4>
      <SessionTime day={s.day} startsAt={s.startsAt} endsAt={s.endsAt} />
      <p className="mt-2">{s.description}</p>
      <ProvenanceNote kind={s.provenance} source={s.source} originalHref={`/fr/conference/${s.slug}`} />
      {s.speakers.length ? (
        <>
          <p className="mt-2 text-sm font-semibold">{t('speakers')}</p>
          <ul className="list-disc ps-5 text-sm">
            {s.speakers.map((sp) => (
              <li key={sp}>{sp}</li>
            ))}
          </ul>
        </>
      ) : null}
      <p className="mt-3 text-sm">
        {s.proceedings.length ? (
          <>
            <Link href={`/conference/${s.slug}`} className="font-semibold text-brand underline">
              {t('readProceedings')}
            </Link>
            {s.proceedings.every((p) => p.isDemo) ? <DemoMarker className="ms-2" /> : null}
          </>
        ) : (
          <span className="italic text-muted">{t('proceedingsPending')}</span>
        )}
      </p>
    </li>
  );
}

/** The conference's programme, day by day (dates in the reader's locale, the day itself in UTC). */
export async function ConferenceProgramme({ sessions, locale }: { sessions: SessionView[]; locale: string }) {
  const t = await getTranslations('Conference');
  const days = [...new Set(sessions.map((s) => s.day.toISOString().slice(0, 10)))];
  return (
    <TitledSection id="programme" className="mt-10" title={t('programme')}>
      <p className="mt-1 text-sm text-muted">{t('timesNote')}</p>
      {days.map((d) => (
        <section key={d} aria-labelledby={`day-${d}`} className="mt-6">
          <h3 id={`day-${d}`} className="text-xl font-semibold text-brand-dark">
            <time dateTime={d}>{formatDate(new Date(`${d}T00:00:00Z`), locale, 'weekday', { timeZone: 'UTC' })}</time>
          </h3>
          <ol className="mt-3 space-y-4">
            {sessions
              .filter((s) => s.day.toISOString().slice(0, 10) === d)
              .map((s) => (
                <ProgrammeSession key={s.slug} s={s} />
              ))}
          </ol>
        </section>
      ))}
    </TitledSection>
  );
}
