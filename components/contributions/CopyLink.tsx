'use client';
/**
 * The private link in a read-only field (selected on focus, left-to-right in any page
 * direction), with a copy button where the browser can copy. Without JavaScript the field is
 * still there to select, and the page explains how to copy it by hand.
 */
import { useId, useState, useSyncExternalStore } from 'react';
import { useTranslations } from 'next-intl';

const noSubscription = () => () => {};

export function CopyLink({ link }: { link: string }) {
  const t = useTranslations('KeepLink');
  const id = useId();
  // Known only in the browser: the server (and a browser without the API) renders no button.
  const canCopy = useSyncExternalStore(noSubscription, () => typeof navigator.clipboard?.writeText === 'function', () => false);
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(link);
      setCopied('yes');
    } catch {
      setCopied('no');
    }
  };
  return (
    <div>
      <label htmlFor={id} className="mt-3 block text-sm font-semibold">
        {t('label')}
      </label>
      <div className="mt-1 flex flex-wrap items-center gap-2">
        <input
          id={id}
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
    </div>
  );
}
