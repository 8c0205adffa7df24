import type { ReactNode } from 'react';

/** A section of a page named by its h2 heading (`aria-labelledby`), in the page's heading style. */
export function TitledSection(props: { id: string; title: ReactNode; className?: string; headingClassName?: string; children: ReactNode }) {
  return (
    <section aria-labelledby={props.id} className={props.className}>
      <h2 id={props.id} className={props.headingClassName ?? 'text-2xl font-bold'}>
        {props.title}
      </h2>
      {props.children}
    </section>
  );
}
