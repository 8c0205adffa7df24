import { getLocale, getTranslations } from 'next-intl/server';
import { formatDate } from '@/lib/dates/format';
import { editSteps, type Version } from '@/lib/moderation/diff';
import { contentLangProps } from './format';

/**
 * What the author changed, edit by edit: removed words struck through (<del>), added ones
 * underlined (<ins>), each also announced by screen readers through a visually hidden label.
 */
export async function RevisionDiff({ revisions, current }: { revisions: Version[]; current: Version }) {
  if (!revisions.length) return null;
  const t = await getTranslations('AdminWork');
  const locale = await getLocale();
  const steps = editSteps(revisions, current);
  return (
    <section aria-labelledby="changes-heading" className="mt-6">
      <h2 id="changes-heading" className="text-xl font-bold">
        {t('changesTitle')}
      </h2>
      <ol className="mt-2 space-y-4">
        {steps.map((s, i) => (
          <li key={s.to.version} className="rounded border border-line p-3">
            <p className="text-sm text-muted">
              {t('changesStep', { n: i + 1, date: formatDate(s.to.writtenAt, locale, 'shortDayTime') })}
              {s.from.pseudonym !== s.to.pseudonym ? ` · ${t('pseudonymChanged', { from: s.from.pseudonym, to: s.to.pseudonym })}` : ''}
            </p>
            <p className="mt-2 whitespace-pre-line leading-relaxed" {...contentLangProps(s.to.language)}>
              {s.parts.map((p, i) =>
                p.kind === 'same' ? (
                  <span key={i}>{p.text}</span>
                ) : p.kind === 'removed' ? (
                  <del key={i} className="bg-red-50 text-accent">
                    <span className="sr-only">[{t('removed')}: </span>
                    {p.text}
                    <span className="sr-only">]</span>
                  </del>
                ) : (
                  <ins key={i} className="bg-green-50 text-green-800">
                    <span className="sr-only">[{t('added')}: </span>
                    {p.text}
                    <span className="sr-only">]</span>
                  </ins>
                ),
              )}
            </p>
          </li>
        ))}
      </ol>
    </section>
  );
}
