// The search page (/search/): runs the query of ?q= over the site's Pagefind bundles, one per province
// (/pagefind/<code>/, listed in /pagefind/bundles.json), merged into one search, and lists the results
// with filters (year, province, table edition, kind of agency). Served by the site itself; no inline
// script or style (the page's Content-Security-Policy allows only this file, and WebAssembly for Pagefind).
// Report text is untrusted: results are built as DOM nodes, text as text; only <mark> is kept of an excerpt.

/** The site's root (its path prefix included): this script lives at <root>assets/search.js. */
const ROOT = new URL('../', import.meta.url).pathname;
/** The filters, in the order they are shown, with their labels. */
const FILTERS = [
  ['年度', '年度'],
  ['省份', '省份'],
  ['表格版本', '表格版本'],
  ['机关类型', '机关类型'],
];
/** Results shown at first, and added per click on 显示更多结果. */
const PAGE = 20;

const $ = (id) => document.getElementById(id);
const form = $('search-form');
const input = $('search-q');
const status = $('search-status');
const list = $('search-results');
const filterBox = $('search-filters');
const moreWrap = $('search-more-wrap');
const more = $('search-more');

/** Pagefind with every bundle merged, loaded once. */
let loading = null;
function pagefind() {
  return (loading ??= (async () => {
    const response = await fetch(`${ROOT}pagefind/bundles.json`);
    if (!response.ok) throw new Error(`bundles.json: HTTP ${response.status}`);
    const { bundles } = await response.json();
    if (!bundles.length) return null;
    const [first, ...rest] = bundles;
    const pf = await import(`${ROOT}pagefind/${first}/pagefind.js`);
    // Result URLs are stored below the site root; the root (with any path prefix) is put in front.
    await pf.options({ baseUrl: ROOT, excerptLength: 40 });
    for (const b of rest) await pf.mergeIndex(`${ROOT}pagefind/${b}/`, { baseUrl: ROOT });
    await pf.init();
    // Loads every bundle's filter values: without it a search counts no filter values.
    await pf.filters();
    return pf;
  })());
}

/** The query and chosen filters, from the page's URL. */
function stateFromUrl() {
  const params = new URLSearchParams(location.search);
  const filters = {};
  for (const [name] of FILTERS) {
    const v = params.get(name);
    if (v) filters[name] = v;
  }
  return { q: (params.get('q') ?? '').trim(), filters };
}

function writeUrl({ q, filters }) {
  const params = new URLSearchParams();
  if (q) params.set('q', q);
  for (const [name] of FILTERS) if (filters[name]) params.set(name, filters[name]);
  const query = params.toString();
  history.replaceState(null, '', `${location.pathname}${query ? `?${query}` : ''}`);
}

/** An element with text (never markup) and optional class. */
function el(tag, text, className) {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  if (className) e.className = className;
  return e;
}

/** Pagefind's excerpt (text with <mark>…</mark>) as nodes: parsed inert, only its text and <mark> kept. */
function excerptNodes(html) {
  const doc = new DOMParser().parseFromString(`<p>${html}</p>`, 'text/html');
  const out = document.createDocumentFragment();
  const walk = (node) => {
    for (const child of node.childNodes) {
      if (child.nodeType === Node.TEXT_NODE) out.append(child.textContent);
      else if (child.nodeName === 'MARK') out.append(el('mark', child.textContent));
      else walk(child);
    }
  };
  walk(doc.body);
  return out;
}

/** The filter <select>s, with the count of results each value would give. */
function drawFilters(counts, chosen, onChange) {
  filterBox.replaceChildren();
  for (const [name, label] of FILTERS) {
    const values = Object.entries(counts[name] ?? {}).sort(([a], [b]) => (name === '年度' ? b.localeCompare(a) : a.localeCompare(b, 'zh-CN')));
    if (!values.length) continue;
    const wrap = el('label', label);
    const select = el('select');
    select.name = name;
    select.append(new Option('全部', ''));
    for (const [value, n] of values) select.append(new Option(`${value}（${n}）`, value));
    select.value = chosen[name] ?? '';
    select.addEventListener('change', () => onChange(name, select.value));
    wrap.append(select);
    filterBox.append(wrap);
  }
  filterBox.hidden = filterBox.childElementCount === 0;
}

function resultItem(data) {
  const li = el('li');
  const title = el('a', data.meta.title ?? data.url, 'result-title');
  title.href = data.url;
  li.append(title);
  li.append(el('p', [data.meta.agency, data.meta.year && `${data.meta.year} 年度`, data.meta.region].filter(Boolean).join(' · '), 'result-meta'));
  // An excerpt from the record's last line, the name's parts (src/search/names.ts), repeats the name: not shown.
  const names = data.content.lastIndexOf('名称：');
  if (data.excerpt && !(names >= 0 && data.content.slice(names).includes(data.plain_excerpt.trim()))) {
    const excerpt = el('p', undefined, 'result-excerpt');
    excerpt.append(excerptNodes(data.excerpt));
    li.append(excerpt);
  }
  return li;
}

let run = 0;
async function search(state) {
  const mine = ++run;
  writeUrl(state);
  input.value = state.q;
  const hasFilter = Object.keys(state.filters).length > 0;
  if (!state.q && !hasFilter) {
    status.textContent = '请输入要搜索的机关、地区或词语。';
    list.replaceChildren();
    moreWrap.hidden = true;
    const pf = await pagefind().catch(() => null);
    if (pf && mine === run) drawFilters(await pf.filters(), state.filters, (name, value) => search(withFilter(state, name, value)));
    return;
  }
  status.textContent = '正在搜索…';
  let pf;
  try {
    pf = await pagefind();
  } catch (err) {
    status.textContent = `搜索索引未能加载（${err.message}）。请从机关、年度或地区索引查找。`;
    return;
  }
  if (!pf) {
    status.textContent = '档案中还没有报告。';
    return;
  }
  const result = await pf.search(state.q || null, { filters: state.filters });
  if (mine !== run) return;
  drawFilters(result.filters, state.filters, (name, value) => search(withFilter(state, name, value)));
  const total = result.results.length;
  status.textContent = total ? `找到 ${total} 份报告。` : '没有找到符合条件的报告。';
  status.dataset.count = String(total);
  list.replaceChildren();
  let shown = 0;
  const showMore = async () => {
    const next = result.results.slice(shown, shown + PAGE);
    shown += next.length;
    const items = await Promise.all(next.map((r) => r.data()));
    if (mine !== run) return;
    list.append(...items.map(resultItem));
    moreWrap.hidden = shown >= total;
  };
  more.onclick = showMore;
  await showMore();
}

const withFilter = (state, name, value) => {
  const filters = { ...state.filters };
  if (value) filters[name] = value;
  else delete filters[name];
  return { q: state.q, filters };
};

form.addEventListener('submit', (event) => {
  event.preventDefault();
  search({ ...stateFromUrl(), q: input.value.trim() });
});
search(stateFromUrl());
