/** Helpers around renderMarkdown for texts embedded under a page's own headings. */
export { renderMarkdown } from './markdown';

/** Moves the headings of sanitized HTML down by `by` levels (h2 → h4 …), at most h6. */
export function shiftHeadings(html: string, by: number): string {
  return html.replace(/<(\/?)h([1-6])(?=[\s>])/g, (_, slash: string, n: string) => `<${slash}h${Math.min(6, Number(n) + by)}`);
}
