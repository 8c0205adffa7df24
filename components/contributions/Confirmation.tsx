'use client';
/**
 * Shown once, right after posting: what happens next (depends on the moderation mode) and the
 * private link, with a copy button when the browser can copy. Rendered from the action's state:
 * the token never appears in a URL of this page.
 */
import { useEffect, useRef, useState } from 'react';
import { useFormMessages } from '@/components/i18n/FormMessages';
import type { ContributeState } from '@/lib/contributions/actions';
import type { Locale } from '@/lib/i18n/config';

type Done = Extract<ContributeState, { status: 'done' }>;

export function Confirmation({ state, origin, locale, questionTitle }: { state: Done; origin: string; locale: Locale; questionTitle: string }) {
  const t = useFormMessages('Contribute');
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [canCopy, setCanCopy] = useState(false);
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  const link = `${origin}/${locale}/my/${state.token}`;
  const published = state.contributionStatus === 'PUBLISHED';

  useEffect(() => {
    headingRef.current?.focus();
    setCanCopy(typeof navigator !== 'undefined' && !!navigator.clipboard?.writeText);
  }, []);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(link);
      setCopied('yes');
    } catch {
      setCopied('no');
    }
  };

  return (
    <section aria-labelledby="confirmation-heading" className="max-w-3xl space-y-5" data-testid="confirmation">
      <h2 id="confirmation-heading" ref={headingRef} tabIndex={-1} className="text-2xl font-bold text-brand-dark focus:outline-none">
        {t('thanks')}
      </h2>
      <p>{t('receivedFor', { question: questionTitle })}</p>
      <p data-testid="next-step">{published ? t('nextPost') : t('nextPre')}</p>

      <div className="rounded-lg border-2 border-brand bg-paper p-5">
        <h3 className="text-lg font-bold">{t('privateLinkTitle')}</h3>
        <p className="mt-1">{t('privateLinkExplain')}</p>
        <p className="mt-1 font-semibold text-accent">{t('privateLinkOnce')}</p>
        <label htmlFor="private-link" className="mt-3 block text-sm font-semibold">
          {t('privateLinkLabel')}
        </label>
        <div className="mt-1 flex flex-wrap items-center gap-2">
          <input
            id="private-link"
            type="text"
            readOnly
            value={link}
            dir="ltr"
            onFocus={(e) => e.currentTarget.select()}
            className="w-full max-w-xl rounded border border-muted bg-white px-3 py-2 font-mono text-sm"
            data-testid="private-link"
          />
          {canCopy ? (
            <button type="button" onClick={copy} className="rounded bg-brand px-4 py-2 font-semibold text-white hover:bg-brand-dark">
              {t('copy')}
            </button>
          ) : null}
        </div>
        <p aria-live="polite" className="mt-1 min-h-5 text-sm">
          {copied === 'yes' ? t('copied') : copied === 'no' ? t('copyFailed') : null}
        </p>
        <p className="mt-2">
          <a href={link} className="text-brand underline underline-offset-2" rel="noreferrer">
            {t('openPrivateLink')}
          </a>
        </p>
      </div>

      <p className="flex flex-wrap gap-4">
        <a href={`/${locale}/questions/${state.questionSlug}${published ? `#c-${state.id}` : ''}`} className="text-brand underline underline-offset-2">
          {t('backToQuestion')}
        </a>
        <a href={`/${locale}/questions/${state.questionSlug}/contribute`} className="text-brand underline underline-offset-2">
          {t('another')}
        </a>
      </p>
    </section>
  );
}
