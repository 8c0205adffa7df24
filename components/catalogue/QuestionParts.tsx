import { getTranslations } from 'next-intl/server';
import { Link } from '@/components/i18n/Link';
import type { QuestionView } from '@/lib/catalogue/queries';
import { ProvenanceNote } from '@/components/publications/ProvenanceNote';
import type { Phase } from '@/lib/consultation/phase';
import { TitledSection } from '@/components/layout/TitledSection';

/** The same words, whatever the spacing, case or final punctuation. */
const sameText = (a: string, b: string) => {
  const norm = (s: string) => s.normalize('NFC').replace(/[\s\u00a0\u202f]+/g, ' ').replace(/[\s.?？؟!。:：]+$/u, '').trim().toLowerCase();
  return norm(a) === norm(b);
};

/** Home › track › theme, then the question, its theme when it says more, its context and where its text comes from. */
export async function QuestionHeader({ q }: { q: QuestionView }) {
  const t = await getTranslations('Question');
  const nav = await getTranslations('Nav');
  return (
    <>
      <nav aria-label={nav('breadcrumb')} className="text-sm text-muted">
        <ol className="flex flex-wrap gap-1">
          <li>
            <Link href="/" className="underline underline-offset-2">
              {nav('home')}
            </Link>
            <span aria-hidden="true"> › </span>
          </li>
          <li>
            <Link href={`/${q.track.slug}`} className="underline underline-offset-2">
              {q.track.title}
            </Link>
            <span aria-hidden="true"> › </span>
          </li>
          <li aria-current="page">{q.theme.label}</li>
        </ol>
      </nav>
      <h1 className="mt-4 max-w-4xl text-3xl font-extrabold leading-tight text-brand-dark">{q.title}</h1>
      {/* Citizens' themes are their question, word for word: the title says it once. */}
      {sameText(q.theme.title, q.title) ? null : (
        <p className="mt-2 text-muted" data-testid="question-theme">
          {t('theme', { theme: q.theme.title })}
        </p>
      )}
      {q.context ? (
        <section aria-labelledby="context-heading" className="mt-6 max-w-4xl rounded-lg bg-paper p-5">
          <h2 id="context-heading" className="text-sm font-semibold uppercase tracking-wider text-muted">
            {t('context')}
          </h2>
          <p className="mt-2">{q.context}</p>
        </section>
      ) : null}
      {/* The question (title and context) is a 2017 text, or this platform's translation of one. */}
      <div className="mt-4 max-w-4xl">
        <ProvenanceNote kind={q.provenance} source={q.source} originalHref={`/fr/questions/${q.slug}`} />
      </div>
    </>
  );
}

/** "Speak up" while the consultation is open; before or after, why one cannot. */
export async function SpeakUp(props: { slug: string; phase: Phase; lastDay: string }) {
  const t = await getTranslations('Question');
  const tc = await getTranslations('Contributions');
  return (
    <section id="contribute" aria-labelledby="contribute-heading" className="mt-8 max-w-4xl">
      <h2 id="contribute-heading" className="sr-only">
        {t('speakUp')}
      </h2>
      {props.phase === 'open' ? (
        <p>
          <Link
            href={`/questions/${props.slug}/contribute`}
            className="inline-block rounded bg-brand px-5 py-3 text-lg font-semibold text-white hover:bg-brand-dark"
            data-testid="speak-up"
          >
            {t('speakUp')}
          </Link>
        </p>
      ) : (
        <p className="rounded border-s-4 border-amber-700 bg-amber-50 p-4" data-testid="not-open">
          {props.phase === 'before' ? tc('notYetOpen') : tc('closedNotice', { date: props.lastDay })}
        </p>
      )}
    </section>
  );
}

/** The other questions of the same theme. */
export async function OtherQuestions({ siblings }: { siblings: QuestionView['siblings'] }) {
  const t = await getTranslations('Question');
  return (
    <TitledSection id="siblings-heading" className="mt-12" headingClassName="text-xl font-bold" title={t('otherQuestions')}>
      <ul className="mt-3 list-disc space-y-1 ps-5">
        {siblings.map((s) => (
          <li key={s.slug}>
            <Link href={`/questions/${s.slug}`} className="text-brand underline-offset-2 hover:underline">
              {s.title}
            </Link>
          </li>
        ))}
      </ul>
    </TitledSection>
  );
}
