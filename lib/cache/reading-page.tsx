/**
 * A reading page declares itself: it renders <ReadingPage tags={…}/> with the cache tags of
 * what it shows. React places the <meta> in the document's <head>, where the production server
 * (lib/server/reading-response.ts) reads it as the page starts streaming. For an anonymous
 * visitor the server then
 *  - removes Next's client runtime from the page (lib/server/reading-html.ts): nothing on it
 *    hydrates, in `npm run dev` as in `npm start`: a client component there is HTML only;
 *  - keeps the page in the page cache under these tags, until invalidate() names one of them.
 * A page without the marker (forms, private links, the back office) is neither stripped nor
 * cached. Declare a page only if everything on it is the same for every anonymous visitor.
 */
import { READING_PAGE_META, formatTags } from './tags';

export function ReadingPage({ tags }: { tags: readonly string[] }) {
  return <meta name={READING_PAGE_META} content={formatTags(tags)} />;
}
