import { describe, expect, it } from 'vitest';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { ReadingPage } from '../../lib/cache/reading-page';
import { formatTags, parseTags, tags } from '../../lib/cache/tags';
import { readingPageTags } from '../../lib/server/reading-html';

describe('the cache-tag vocabulary and the reading-page marker', () => {
  it('a page declares its tags; the server reads them back from its <head>', () => {
    const declared = [tags.question('cyber-attacks'), tags.catalogue, tags.contributions];
    const meta = renderToStaticMarkup(createElement(ReadingPage, { tags: declared }));
    expect(readingPageTags(`<head><meta charSet="utf-8"/>${meta}<title>x</title></head>`)).toEqual(declared);
    expect(readingPageTags('<head><title>a form</title></head>')).toBeNull();
  });
  it('only words of the vocabulary: a typo fails the render, a forged value is not read', () => {
    expect(() => formatTags(['catalog'])).toThrow(/not a cache tag/);
    expect(() => formatTags(['question:Bad Slug'])).toThrow();
    expect(parseTags('catalogue publications')).toEqual(['catalogue', 'publications']);
    expect(parseTags('catalogue <script>')).toBeNull();
    expect(parseTags('*')).toBeNull();
    expect(parseTags('')).toBeNull();
  });
});
