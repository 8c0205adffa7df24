import { getTranslations } from 'next-intl/server';
import { Link } from '@/components/i18n/Link';

/** Home › … › current page. */
export async function Breadcrumb({ items, current }: { items: { href: string; label: string }[]; current: string }) {
  const nav = await getTranslations('Nav');
  return (
    <nav aria-label={nav('breadcrumb')} className="text-sm text-muted">
      <ol className="flex flex-wrap gap-1">
        {[{ href: '/', label: nav('home') }, ...items].map((i) => (
          <li key={i.href}>
            <Link href={i.href} className="underline underline-offset-2">
              {i.label}
            </Link>
            <span aria-hidden="true"> › </span>
          </li>
        ))}
        <li aria-current="page">{current}</li>
      </ol>
    </nav>
  );
}
