/**
 * One page of the live site → the same page for the static archive, by generic rules on the
 * DOM (htmlparser2), not on the site's markup:
 *  - every script goes (and preloads of scripts, inline handlers, nonces): nothing runs;
 *  - every internal URL (href, src, srcset, action, poster, inline CSS) becomes a relative link
 *    to the file that holds its target (urls.ts), and is reported to the crawl;
 *  - links to what the archive does not hold (server-only pages) become plain text; resources
 *    of another origin are dropped (no request leaves the archive);
 *  - forms that post (report a contribution, …) go, with a disclosure left empty by them; a GET
 *    form whose only choice is a <select> (the language filter) becomes a list of links to the
 *    path-based files; the search form points to the static search page.
 */
import { parseDocument } from 'htmlparser2';
import { Element, Text, type ChildNode, type Document } from 'domhandler';
import render from 'dom-serializer';
import { existsOne, findAll, removeElement, replaceElement, textContent } from 'domutils';
import { archivable, fileFor, relativeLink, SEARCH_PAGE, type ArchiveRules } from './urls';
import { rewriteCss } from './text';

export interface PageContext {
  /** The live URL the page was fetched from (links resolve against it). */
  url: URL;
  /** The page's file in the archive. */
  file: string;
  /** Origins that mean "this site" (the fetch origin and the public URL). */
  origins: ReadonlySet<string>;
  rules: ArchiveRules;
}

export interface RewrittenPage {
  html: string;
  /** Canonical internal URLs the page links to (to crawl). */
  links: string[];
}

const URL_ATTRS: Record<string, string[]> = {
  a: ['href'],
  area: ['href'],
  link: ['href'],
  img: ['src', 'srcset'],
  source: ['src', 'srcset'],
  video: ['src', 'poster'],
  audio: ['src'],
  track: ['src'],
  iframe: ['src'],
  embed: ['src'],
  object: ['data'],
  use: ['href', 'xlink:href'],
  image: ['href', 'xlink:href'],
};
/** Elements whose URL is a navigation (kept as text when the target is not archived). */
const NAVIGATIONS = new Set(['a', 'area']);

export function rewritePage(source: string, ctx: PageContext): RewrittenPage {
  const doc = parseDocument(source, { decodeEntities: true });
  const links = new Set<string>();
  const resolve = (raw: string): { canonical: string | null; hash: string; internal: boolean } | null => {
    const value = raw.trim();
    if (!value || value.startsWith('#') || /^(data|mailto|tel|javascript):/i.test(value)) return null;
    let u: URL;
    try {
      u = new URL(value, ctx.url);
    } catch {
      return null;
    }
    if (!/^https?:$/.test(u.protocol)) return null;
    const internal = ctx.origins.has(u.origin);
    return { canonical: internal ? archivable(u, ctx.rules) : null, hash: u.hash, internal };
  };
  const link = (canonical: string, hash: string) => {
    links.add(canonical);
    return relativeLink(ctx.file, fileFor(canonical), hash);
  };

  dropScripts(doc);
  for (const el of findAll((e) => e.name in URL_ATTRS || 'style' in e.attribs, doc.children)) {
    if (el.attribs.style) el.attribs.style = rewriteCss(el.attribs.style, (u) => urlIn(u, resolve, link));
    for (const attr of URL_ATTRS[el.name] ?? []) {
      const raw = el.attribs[attr];
      if (raw === undefined) continue;
      if (attr === 'srcset') {
        el.attribs.srcset = raw
          .split(',')
          .map((part) => part.trim().split(/\s+/))
          .map(([u, d]) => [urlIn(u, resolve, link), d].filter(Boolean).join(' '))
          .join(', ');
        continue;
      }
      const r = resolve(raw);
      if (!r) continue;
      if (r.canonical) el.attribs[attr] = link(r.canonical, r.hash);
      else if (!r.internal && NAVIGATIONS.has(el.name)) continue; // a link out: a navigation, not a request
      else if (NAVIGATIONS.has(el.name)) unlink(el);
      else removeElement(el);
    }
  }
  for (const style of findAll((e) => e.name === 'style', doc.children)) {
    for (const t of style.children) if (t instanceof Text) t.data = rewriteCss(t.data, (u) => urlIn(u, resolve, link));
  }
  // After the links: the links it writes are already relative to this file.
  rewriteForms(doc, ctx, resolve, link);
  const main = findAll((e) => e.name === 'main', doc.children)[0];
  if (main) main.attribs['data-pagefind-body'] = '';
  return { html: render(doc, { encodeEntities: 'utf8' }), links: [...links].sort() };
}

type Resolve = (raw: string) => { canonical: string | null; hash: string; internal: boolean } | null;
type Link = (canonical: string, hash: string) => string;

/** A URL inside CSS or srcset: rewritten when archived, emptied when it would leave the archive. */
function urlIn(raw: string, resolve: Resolve, link: Link): string {
  const r = resolve(raw);
  if (!r) return raw;
  return r.canonical ? link(r.canonical, r.hash) : 'data:,';
}

function dropScripts(doc: Document): void {
  for (const el of findAll((e) => e.name === 'script', doc.children)) removeElement(el);
  for (const el of findAll((e) => e.name === 'link' && /(^|\s)(modulepreload|preload|prefetch)(\s|$)/i.test(e.attribs.rel ?? '') && (e.attribs.as ?? 'script') === 'script', doc.children)) {
    removeElement(el);
  }
  for (const el of findAll((e) => e.name === 'noscript', doc.children)) unwrap(el);
  for (const el of findAll(() => true, doc.children)) {
    for (const name of Object.keys(el.attribs)) if (name === 'nonce' || /^on/i.test(name)) delete el.attribs[name];
  }
}

/** A link to something the archive does not hold: its text stays, the link goes. */
function unlink(el: Element): void {
  replaceElement(el, h('span', el.attribs.class ? { class: el.attribs.class } : {}, el.children));
}

function unwrap(el: Element): void {
  const parent = el.parent;
  if (!parent) return;
  const i = parent.children.indexOf(el);
  parent.children.splice(i, 1, ...el.children);
  for (const c of el.children) c.parent = parent;
}

function rewriteForms(doc: Document, ctx: PageContext, resolve: Resolve, link: Link): void {
  for (const form of findAll((e) => e.name === 'form', doc.children)) {
    const method = (form.attribs.method ?? 'get').toLowerCase();
    const target = resolve(form.attribs.action ?? ctx.url.href);
    const action = target?.internal ? new URL(form.attribs.action ?? ctx.url.href, ctx.url) : null;
    if (method !== 'get' || !action || form.attribs.action === undefined) {
      const details = form.parent instanceof Element && form.parent.name === 'details' ? form.parent : null;
      removeElement(form);
      // A disclosure that only held the form ("Report") has nothing left to disclose.
      if (details && !existsOne((e) => e.name !== 'summary', details.children.filter((c): c is Element => c instanceof Element))) {
        removeElement(details);
      }
      continue;
    }
    if (SEARCH_PAGE.test(action.pathname)) {
      const canonical = archivable(new URL(action.pathname, action), ctx.rules);
      if (canonical) form.attribs.action = link(canonical, '');
      else removeElement(form);
      continue;
    }
    const choices = selectAsLinks(form, action, ctx, link);
    if (choices) replaceElement(form, choices);
    else removeElement(form);
  }
}

/** A GET form whose one choice is a <select>: the same choices as links (path-based files). */
function selectAsLinks(form: Element, action: URL, ctx: PageContext, link: Link): Element | null {
  const selects = findAll((e) => e.name === 'select', form.children);
  const free = findAll((e) => (e.name === 'input' && !['hidden', 'submit', 'button'].includes(e.attribs.type ?? 'text')) || e.name === 'textarea', form.children);
  if (selects.length !== 1 || free.length) return null;
  const select = selects[0];
  const name = select.attribs.name;
  if (!name) return null;
  const hidden = findAll((e) => e.name === 'input' && e.attribs.type === 'hidden' && !!e.attribs.name, form.children);
  const items: ChildNode[] = [];
  for (const option of findAll((e) => e.name === 'option', select.children)) {
    const u = new URL(action.pathname, action);
    for (const h of hidden) u.searchParams.set(h.attribs.name, h.attribs.value ?? '');
    const value = option.attribs.value ?? textContent(option);
    if (value) u.searchParams.set(name, value);
    const canonical = archivable(u, ctx.rules);
    if (!canonical) continue;
    const current = option.attribs.selected !== undefined;
    const attrs: Record<string, string> = { href: link(canonical, ''), class: `text-brand underline underline-offset-2${current ? ' font-bold' : ''}` };
    if (option.attribs.lang) attrs.lang = option.attribs.lang;
    if (current) attrs['aria-current'] = 'page';
    items.push(h('li', {}, [h('a', attrs, [new Text(textContent(option))])]));
  }
  if (!items.length) return null;
  const labelEl = findAll((e) => e.name === 'label' && e.attribs.for === select.attribs.id, form.children)[0];
  const label = (labelEl ? textContent(labelEl) : (form.attribs['aria-label'] ?? '')).trim();
  const navAttrs: Record<string, string> = { class: form.attribs.class ?? '' };
  if (label) navAttrs['aria-label'] = label;
  navAttrs['data-pagefind-ignore'] = '';
  const children: ChildNode[] = [];
  if (label) children.push(h('p', { class: labelEl?.attribs.class ?? 'text-sm font-semibold' }, [new Text(label)]));
  children.push(h('ul', { class: 'flex flex-wrap gap-3' }, items));
  return h('nav', navAttrs, children);
}

/** A new element whose children know their parent. */
function h(name: string, attribs: Record<string, string>, children: ChildNode[]): Element {
  const e = new Element(name, attribs, children);
  for (const c of children) c.parent = e;
  return e;
}
