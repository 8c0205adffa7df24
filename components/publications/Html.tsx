/** HTML produced by lib/publications (markdown rendered and sanitized on the server). */
export function SanitizedHtml({ html, lang, dir, className = 'prose-official' }: { html: string; lang?: string; dir?: 'ltr' | 'rtl'; className?: string }) {
  return <div className={className} lang={lang} dir={dir} dangerouslySetInnerHTML={{ __html: html }} />;
}
