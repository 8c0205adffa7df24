import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { Link } from '@/lib/i18n/navigation';
import { getQuestion } from '@/lib/catalogue/queries';

type Props = {
  params: Promise<{ locale: string; slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, slug } = await params;
  const q = await getQuestion(slug, locale);
  return q ? { title: q.title, description: q.context ?? q.theme.title } : {};
}

export default async function QuestionPage({ params }: Props) {
  const { locale, slug } = await params;
  setRequestLocale(locale);
  const t = await getTranslations('Question');
  const nav = await getTranslations('Nav');
  const q = await getQuestion(slug, locale);
  if (!q) notFound();
  return (
    <article>
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
      <p className="mt-2 text-muted">{t('theme', { theme: q.theme.title })}</p>
      {q.context ? (
        <section aria-labelledby="context-heading" className="mt-6 max-w-4xl rounded-lg bg-paper p-5">
          <h2 id="context-heading" className="text-sm font-semibold uppercase tracking-wider text-muted">
            {t('context')}
          </h2>
          <p className="mt-2">{q.context}</p>
        </section>
      ) : null}

      <section aria-labelledby="contributions-heading" className="mt-10">
        <h2 id="contributions-heading" className="text-2xl font-bold">
          {t('contributionsHeading')}
        </h2>
        <p className="mt-3 text-muted">{t('noContributions')}</p>
      </section>

      {q.siblings.length ? (
        <section aria-labelledby="siblings-heading" className="mt-12">
          <h2 id="siblings-heading" className="text-xl font-bold">
            {t('otherQuestions')}
          </h2>
          <ul className="mt-3 list-disc space-y-1 ps-5">
            {q.siblings.map((s) => (
              <li key={s.slug}>
                <Link href={`/questions/${s.slug}`} className="text-brand underline-offset-2 hover:underline">
                  {s.title}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <p className="mt-8">
        <Link href={`/${q.track.slug}`} className="text-brand underline underline-offset-2">
          {t('backToTrack', { track: q.track.title })}
        </Link>
      </p>
    </article>
  );
}
