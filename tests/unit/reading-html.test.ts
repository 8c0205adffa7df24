import { describe, expect, it } from 'vitest';
import { ClientRuntimeStripper, withoutClientRuntime } from '@/lib/server/reading-html';

// The shape of a page as Next 16.4 (Turbopack build) sends it, cut down.
const NONCE = 'abcDEF123_-xyz';
const page = [
  '<!DOCTYPE html><html lang="fr"><head><meta charSet="utf-8"/>',
  `<link rel="stylesheet" href="/_next/static/chunks/3_7wqkhuqwu4p.css" nonce="${NONCE}" data-precedence="next"/>`,
  `<link rel="preload" as="script" fetchPriority="low" nonce="${NONCE}" href="/_next/static/chunks/310vm2bl3xxpt.js"/>`,
  `<script src="/_next/static/chunks/3jeq82xou71w4.js" async="" nonce="${NONCE}"></script>`,
  `<script src="/_next/static/chunks/0cz1d0mv5g_q7.js" noModule="" nonce="${NONCE}"></script>`,
  `<title>Je suis Internet</title><script type="application/ld+json">{"@type":"Event"}</script></head>`,
  '<body><main><h1>Bienvenue</h1><p>Du texte avec &lt;script&gt; écrit par un contributeur, ١٢٣ 中文</p>',
  `<form action="/fr/questions/x#c-1" method="POST"><input type="hidden" name="$ACTION_REF_1"/></form>`,
  `<script src="/countdown.js" defer=""></script>`,
  `<div hidden id="S:0"><p>streamed</p></div><script nonce="${NONCE}">$RC("B:0","S:0")</script>`,
  '</main>',
  `<script nonce="${NONCE}" id="_R_">(globalThis["TURBOPACK"] || (globalThis["TURBOPACK"] = [])).push({"otherChunks":["static/chunks/a.js"]})</script>`,
  `<script src="/_next/static/chunks/310vm2bl3xxpt.js" nonce="${NONCE}" async=""></script>`,
  `<script nonce="${NONCE}">(self.__next_f=self.__next_f||[]).push([0])</script>`,
  `<script nonce="${NONCE}">self.__next_f.push([1,"1:\\"$Sreact.fragment\\"\\n2:I[39756,[],\\"default\\"]\\n\\u003c/script\\u003e"])</script>`,
  '</body></html>',
].join('');

describe('withoutClientRuntime (reading pages without Next\'s client runtime)', () => {
  const strip = (html: string) => withoutClientRuntime(Buffer.from(html, 'utf8')).toString('utf8');
  const out = strip(page);

  it("removes Next's chunk scripts, their preloads, the Turbopack bootstrap and the RSC payload", () => {
    expect(out).not.toContain('/_next/static/chunks/3jeq82xou71w4.js');
    expect(out).not.toContain('/_next/static/chunks/0cz1d0mv5g_q7.js');
    expect(out).not.toContain('/_next/static/chunks/310vm2bl3xxpt.js');
    expect(out).not.toContain('TURBOPACK');
    expect(out).not.toContain('__next_f');
    expect(out).not.toMatch(/_next\/static\/[^"]*\.js/);
  });

  it('keeps the page: styles, content, forms, our own scripts, structured data and React streaming', () => {
    expect(out).toContain(`<link rel="stylesheet" href="/_next/static/chunks/3_7wqkhuqwu4p.css" nonce="${NONCE}" data-precedence="next"/>`);
    expect(out).toContain('<p>Du texte avec &lt;script&gt; écrit par un contributeur, ١٢٣ 中文</p>');
    expect(out).toContain('<input type="hidden" name="$ACTION_REF_1"/>');
    expect(out).toContain('<script src="/countdown.js" defer=""></script>');
    expect(out).toContain('<script type="application/ld+json">{"@type":"Event"}</script>');
    expect(out).toContain(`<script nonce="${NONCE}">$RC("B:0","S:0")</script>`);
    expect(out.endsWith('</main></body></html>')).toBe(true);
  });

  it('is exactly the input minus the removed elements, and idempotent', () => {
    expect(page.length - out.length).toBeGreaterThan(0);
    expect(strip(out)).toBe(out);
    const plain = Buffer.from('<p>plain ١٢٣ 中文</p>');
    expect(withoutClientRuntime(plain).equals(plain)).toBe(true);
  });
});

describe('ClientRuntimeStripper (as the page streams)', () => {
  const whole = withoutClientRuntime(Buffer.from(page, 'utf8'));

  it('gives the same bytes whatever the chunks, even cut inside a tag, a script or a UTF-8 character', () => {
    const bytes = Buffer.from(page, 'utf8');
    for (const size of [1, 2, 3, 7, 16, 64, 333, bytes.length]) {
      const s = new ClientRuntimeStripper();
      const out: Buffer[] = [];
      for (let at = 0; at < bytes.length; at += size) out.push(s.push(bytes.subarray(at, at + size)));
      out.push(s.end());
      expect(Buffer.concat(out).equals(whole), `chunks of ${size} bytes`).toBe(true);
    }
  });

  it('holds back only an unfinished tag or the start of a script', () => {
    const s = new ClientRuntimeStripper();
    expect(s.push(Buffer.from('<p>Bonjour</p><scr')).toString()).toBe('<p>Bonjour</p>');
    expect(s.push(Buffer.from('ipt nonce="n">self.__next_f.push([1,"x"])</scr')).toString()).toBe('');
    expect(s.push(Buffer.from('ipt><p>fin</p>')).toString()).toBe('<p>fin</p>');
    expect(s.end().length).toBe(0);
  });
});
