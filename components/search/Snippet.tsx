import type { Segment } from '@/lib/search/text';

/** Highlighted text: React text nodes and <mark>, never HTML strings. */
export function Snippet({ segments, lang, dir }: { segments: Segment[]; lang?: string; dir?: 'ltr' | 'rtl' }) {
  return (
    <p className="mt-1 text-sm" lang={lang} dir={dir}>
      {segments.map((s, i) => (s.mark ? <mark key={i}>{s.text}</mark> : <span key={i}>{s.text}</span>))}
    </p>
  );
}
