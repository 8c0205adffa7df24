import { getTranslations } from 'next-intl/server';
import { translationOffered } from '@/lib/translations/on-demand';
import { returnedState } from '@/lib/translations/request';

/**
 * "Translate into <my language>" under a contribution written in another language, when a
 * translation provider is configured and no current translation exists: a plain HTML form
 * (POST /api/translations, 303 back here), so it works without JavaScript on reading pages.
 * After a request that the provider did not answer in time: "requested, reload later".
 * Without a provider: nothing at all.
 */
export async function TranslationOffer(props: {
  contributionId: string;
  language: string;
  locale: string;
  hasTranslation: boolean;
  /** The page's query: its filter and cursor are kept, and the state of a request is read from it. */
  query: Record<string, string>;
}) {
  if (props.hasTranslation || props.language === props.locale || !translationOffered()) return null;
  const t = await getTranslations('TranslateOffer');
  const state = returnedState(props.query, props.contributionId);
  const keep = new URLSearchParams(Object.entries(props.query).filter(([k]) => k === 'lang' || k === 'before')).toString();
  return (
    <div className="mb-2 text-sm" data-testid="translation-offer">
      {state ? (
        <p role="status" className="mb-1 font-medium">
          {t(state)}{' '}
          {state === 'pending' ? (
            <a href={`?${keep}#c-${props.contributionId}`} className="text-brand underline underline-offset-2">
              {t('reload')}
            </a>
          ) : null}
        </p>
      ) : null}
      {state === 'pending' ? null : (
        <form method="post" action="/api/translations" className="inline">
          <input type="hidden" name="contributionId" value={props.contributionId} />
          <input type="hidden" name="locale" value={props.locale} />
          <input type="hidden" name="from" value="page" />
          {props.query.lang ? <input type="hidden" name="lang" value={props.query.lang} /> : null}
          {props.query.before ? <input type="hidden" name="before" value={props.query.before} /> : null}
          <button type="submit" className="text-brand underline underline-offset-2 hover:text-brand-dark">
            {t('button')}
          </button>{' '}
          <span className="text-muted">{t('hint')}</span>
        </form>
      )}
    </div>
  );
}
