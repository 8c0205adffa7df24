import { renderMarkdown } from '@/lib/publications/markdown';

/** Official or moderator-written markdown, rendered and sanitized on the server. */
export function Markdown({ source, lang, className = 'prose-official' }: { source: string; lang?: string; className?: string }) {
  const { html } = renderMarkdown(source);
  return <div className={className} lang={lang} dangerouslySetInnerHTML={{ __html: html }} />;
}
