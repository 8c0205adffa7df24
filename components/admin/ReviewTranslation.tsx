import { getTranslations } from 'next-intl/server';
import { translationOffered } from '@/lib/translations/on-demand';
import type { ReviewItem } from '@/lib/moderation/queries';
import { contentLangProps } from './format';
import { languageNameWithScript } from '@/lib/i18n/language-name';

/**
 * The contribution in the moderator's language, under the original: the stored translation
 * (labelled machine or reviewed, stale when the original changed since), or, when a provider
 * is configured, a form asking for a machine translation (POST /api/translations, same jobs
 * as the readers').
 */
export async function ReviewTranslation(props: { item: ReviewItem; locale: string; queue: string; state: string | null }) {
  const { item, locale, queue, state } = props;
  if (item.language === locale) return null;
  const tr = item.translations.find((x) => x.locale === locale);
  const offered = translationOffered();
  if (!tr && !offered) return null;
  const t = await getTranslations('AdminWork');
  const label = tr?.kind === 'REVIEWED' ? t('mtReviewed', { name: tr.translator ?? '—' }) : t('mtLabel');
  return (
    <section id="machine-translation" aria-labelledby="mt-heading" tabIndex={-1} className="mt-4" data-testid="review-machine-translation">
      <h2 id="mt-heading" className="text-lg font-bold">
        {t('mtTitle', { language: languageNameWithScript(locale, locale) })}
      </h2>
      {tr ? (
        <div className="mt-2 rounded-lg border border-dashed border-line p-4">
          <p className="text-sm italic text-muted">
            {label}
            {tr.stale ? ` — ${t('mtStale')}` : ''}
          </p>
          <p className="mt-2 whitespace-pre-line" {...contentLangProps(locale)}>
            {tr.body}
          </p>
        </div>
      ) : null}
      {state === 'pending' || state === 'unavailable' ? (
        <p role="status" className="mt-2 font-medium">
          {t(state === 'pending' ? 'mtPending' : 'mtUnavailable')}
        </p>
      ) : null}
      {offered && (!tr || tr.stale) && state !== 'pending' ? (
        <form method="post" action="/api/translations" className="mt-2">
          <input type="hidden" name="contributionId" value={item.id} />
          <input type="hidden" name="locale" value={locale} />
          <input type="hidden" name="from" value="review" />
          <input type="hidden" name="queue" value={queue} />
          <button type="submit" className="rounded border border-brand px-3 py-1.5 font-semibold text-brand hover:bg-paper">
            {t('mtButton', { language: languageNameWithScript(locale, locale) })}
          </button>
        </form>
      ) : null}
    </section>
  );
}
