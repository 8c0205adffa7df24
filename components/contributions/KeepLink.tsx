import { getTranslations } from 'next-intl/server';
import { CopyLink } from './CopyLink';

/**
 * "Keep your private link": on the private page itself, whose address is the link. Shown on
 * every visit (it is where a contributor bookmarks it), with thanks right after posting.
 */
export async function KeepLink({ link, sent, questionTitle }: { link: string; sent: boolean; questionTitle: string | null }) {
  const t = await getTranslations('KeepLink');
  return (
    <section aria-labelledby="keep-heading" className="space-y-2 rounded-lg border-2 border-brand bg-paper p-5" data-testid="keep-link">
      {sent ? (
        <div role="status" className="mb-4" data-testid="sent">
          <p className="text-2xl font-bold text-brand-dark">{t('thanks')}</p>
          {questionTitle ? <p className="mt-1">{t('receivedFor', { question: questionTitle })}</p> : null}
        </div>
      ) : null}
      <h2 id="keep-heading" className="text-lg font-bold">
        {t('title')}
      </h2>
      <p>{t('explain')}</p>
      <p className="font-semibold text-accent">{t('keep')}</p>
      <CopyLink link={link} />
      <p className="text-sm" data-testid="copy-hint">
        {t('copyHint')}
      </p>
      <p className="text-sm" data-testid="bookmark-hint">
        {t('bookmarkHint')}
      </p>
    </section>
  );
}
