import { getTranslations } from 'next-intl/server';

/**
 * The visible "demo" marker of fictional demonstration data (contributions, synthesis,
 * proceedings of the embedded demo set): text, not colour alone. One component for every
 * place demo data shows (contribution lists, search results, synthesis, proceedings); feeds
 * use the same message (Demo.marker) in their entry titles.
 */
export async function DemoMarker({ className = '' }: { className?: string }) {
  const t = await getTranslations('Demo');
  return (
    <span className={`demo-marker ${className}`} data-testid="demo-marker" title={t('explanation')}>
      {t('marker')}
    </span>
  );
}
