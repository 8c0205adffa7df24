import type { ReactNode } from 'react';
import { Link } from '@/components/i18n/Link';

/** A paragraph that is one link to a page of this site (back links, next page, see also), in the house's link style. */
export function LinkParagraph(props: { href: string; className?: string; underlineOffset?: boolean; children: ReactNode }) {
  return (
    <p className={props.className}>
      <Link href={props.href} className={props.underlineOffset ? 'text-brand underline underline-offset-2' : 'text-brand underline'}>
        {props.children}
      </Link>
    </p>
  );
}
