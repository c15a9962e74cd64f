// #search?q=...: ranked results with the matched words marked, facets
// (outlet, year) when the server gives them, paging.
import { $, el, api, showError, datePart, formParams, pager, downloads, hashFor, withParams, fmt, loaded, unloaded }
  from '../util.js';

// "... the [matched] words ..." -> text with <mark>s.
function snippetNode(s) {
  const p = el('p', { class: 'snippet' });
  for (const part of String(s || '').split(/(\[[^[\]]*\])/)) {
    if (part.startsWith('[') && part.endsWith(']') && part.length > 2) p.append(el('mark', { text: part.slice(1, -1) }));
    else if (part) p.append(part);
  }
  return p;
}

function facetList(name, values, query) {
  const ul = el('ul', { class: 'facet facet-' + name });
  for (const f of values || []) {
    const add = name === 'year' ? [['since', f.value], ['until', f.value]] : [[name, f.value]];
    const drop = name === 'year' ? ['since', 'until', 'offset'] : [name, 'offset'];
    ul.append(el('li', {}, el('a', { href: hashFor('search', withParams(query, drop, add)), text: f.value ?? '(none)' }),
      ' ', el('span', { class: 'count', text: fmt(f.count) })));
  }
  return ul;
}

export async function showSearch(query) {
  const view = $('#view-search');
  const params = formParams($('#search-form'), query);
  const given = new URLSearchParams(query || '');
  for (const k of ['offset', 'limit']) if (given.get(k)) params.push([k, given.get(k)]);
  showError(view, null);
  const list = $('#results');
  list.replaceChildren();
  $('#search-facets').replaceChildren();
  unloaded(view);
  try {
    let page;
    try {
      page = await api('search', params.concat([['facets', '1']]));
    } catch (e) {
      // A server older than facets refuses the parameter: ask without it.
      if (e.status !== 400 || !/facets/.test(e.message)) throw e;
      page = await api('search', params);
    }
    pager(view, 'search', query, page, 'articles');
    downloads(view, 'search', params, ['csv', 'jsonl']);
    for (const h of page.rows) {
      const meta = [datePart(h.published) || 'undated', h.outlet].filter(Boolean).join(' · ');
      const story = h.story
        ? [' · ', el('a', { href: '#story/' + encodeURIComponent(h.story), text: 'story' })] : null;
      list.append(el('li', { class: 'hit' },
        el('a', { class: 'title', href: '#article/' + encodeURIComponent(h.id), text: h.title || '(no title)' }),
        el('div', { class: 'meta' }, meta, story),
        snippetNode(h.snippet)));
    }
    if (page.facets) {
      const box = $('#search-facets');
      if ((page.facets.outlet || []).length) box.append(el('h3', { text: 'Outlets' }), facetList('outlet', page.facets.outlet, query));
      if ((page.facets.year || []).length) box.append(el('h3', { text: 'Years' }), facetList('year', page.facets.year, query));
    }
  } catch (e) { showError(view, e); $('.summary', view).textContent = ''; }
  loaded(view, query);
}
