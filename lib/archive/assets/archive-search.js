// Static search of the archive (progressive enhancement): queries the Pagefind index written by
// `npm run archive:export` in the visitor's browser. Without this script the page says what to
// do instead. Result titles and excerpts are inserted as text (only Pagefind's <mark> is kept).
const box = document.querySelector('[data-archive-search]');
if (box) start(box);

function start(box) {
  const form = box.querySelector('form');
  const input = form.querySelector('input[name="q"]');
  const status = box.querySelector('[data-archive-status]');
  const list = box.querySelector('[data-archive-results]');
  const root = new URL(box.dataset.root, location.href);
  const rules = new Intl.PluralRules(document.documentElement.lang || box.dataset.lang);
  const numbers = new Intl.NumberFormat(document.documentElement.lang || box.dataset.lang);
  form.hidden = false;
  box.querySelector('[data-archive-noscript]').hidden = true;
  let engine = null;
  const load = async () => {
    if (!engine) {
      // The locale's index is cut into shards (lib/archive/search.ts): search them all at once.
      const dir = new URL(`pagefind/${box.dataset.lang}/`, root);
      const shards = await (await fetch(new URL('shards.json', dir))).json();
      engine = await import(new URL(`${shards[0]}pagefind.js`, dir).href);
      await engine.options({ baseUrl: root.pathname });
      for (const s of shards.slice(1)) await engine.mergeIndex(new URL(s, dir).pathname, { baseUrl: root.pathname });
    }
    return engine;
  };
  const count = (n) => {
    const key = n === 0 && box.dataset.resultsZero !== undefined ? 'resultsZero' : 'results' + cap(rules.select(n));
    return (box.dataset[key] ?? box.dataset.resultsOther).replaceAll('{n}', numbers.format(n));
  };
  let run = 0;
  const search = async (q) => {
    const mine = ++run;
    list.replaceChildren();
    if (!q.trim()) return void (status.textContent = '');
    status.textContent = box.dataset.loading;
    try {
      const pf = await load();
      const found = await pf.search(q);
      if (mine !== run) return;
      const shown = await Promise.all(found.results.slice(0, 30).map((r) => r.data()));
      if (mine !== run) return;
      status.textContent = count(found.results.length);
      for (const d of shown) list.append(item(d));
    } catch (e) {
      console.error(e);
      status.textContent = box.dataset.failed;
    }
  };
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const u = new URL(location.href);
    u.searchParams.set('q', input.value);
    history.replaceState(null, '', u);
    search(input.value);
  });
  const initial = new URLSearchParams(location.search).get('q');
  if (initial) {
    input.value = initial;
    search(initial);
  }
}

const cap = (s) => s.charAt(0).toUpperCase() + s.slice(1);

function item(d) {
  const li = document.createElement('li');
  li.className = 'border-b border-line pb-3';
  const a = document.createElement('a');
  a.href = d.url;
  a.className = 'font-semibold text-brand underline-offset-2 hover:underline';
  a.textContent = (d.meta && d.meta.title) || d.url;
  const p = document.createElement('p');
  p.className = 'mt-1 text-sm';
  p.append(...excerpt(d.excerpt || ''));
  li.append(a, p);
  return li;
}

// Pagefind's excerpt is HTML (escaped text and <mark>): parsed inert, only text and marks kept.
function excerpt(html) {
  const doc = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  const out = [];
  for (const n of doc.body.childNodes) {
    if (n.nodeType === Node.TEXT_NODE) out.push(document.createTextNode(n.textContent));
    else if (n.nodeName === 'MARK') {
      const m = document.createElement('mark');
      m.textContent = n.textContent;
      out.push(m);
    } else out.push(document.createTextNode(n.textContent || ''));
  }
  return out;
}
