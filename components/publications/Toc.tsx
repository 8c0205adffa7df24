import type { TocEntry } from '@/lib/publications/markdown';

/** A table of contents of a rendered text; `lang` when the text is not in the page's language. */
export function Toc({ entries, label, lang, maxDepth = 3 }: { entries: TocEntry[]; label: string; lang?: string; maxDepth?: number }) {
  const shown = entries.filter((e) => e.depth <= maxDepth);
  if (!shown.length) return null;
  return (
    <nav aria-labelledby="toc-heading" className="toc rounded-lg border border-line bg-paper p-4">
      <h2 id="toc-heading" className="text-base font-bold">
        {label}
      </h2>
      <ol className="mt-2 space-y-1 text-sm" lang={lang}>
        {shown.map((e) => (
          <li key={e.id} data-depth={e.depth}>
            <a href={`#${e.id}`} className="text-brand underline-offset-2 hover:underline">
              {e.text}
            </a>
          </li>
        ))}
      </ol>
    </nav>
  );
}
