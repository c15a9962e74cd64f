// The list views: #events, #quotes, #entities, #stories. Each has the
// filters of its endpoint, paging (offset in the hash), sortable columns
// (server-side where the API sorts, else the rows shown) and downloads.
import {
  $, el, api, showError, datePart, formParams, pager, downloads, sortableTable, td, hashFor, withParams,
  articleLink, entityLink, goldsteinColor, QUAD_NAMES, fmt, loaded, unloaded,
} from '../util.js';
import { actorText } from './article.js';
import { cameoLabel } from '../cameo.js';

function actorCell(a) {
  if (!a || (!a.name && !a.code)) return td('-', '');
  const text = actorText(a);
  return td(a.name ? entityLink(a.name, null, text) : text, text);
}

export const TABLES = {
  events: {
    what: 'events',
    formats: ['csv', 'jsonl', 'gdelt'],
    serverSort: { date: 'date', goldstein: 'goldstein' },
    row(r) {
      let code = r.code || '';
      const flags = [r.negated ? 'negated' : '', r.hypothetical ? 'hypothetical' : ''].filter(Boolean).join(', ');
      const label = r.label || cameoLabel(r.code);
      const g = typeof r.goldstein === 'number' ? r.goldstein : null;
      const gCell = td(g === null ? '' : g.toFixed(1), g === null ? '' : g, 'num goldstein');
      if (g !== null) {
        const dot = el('span', { class: 'swatch' });
        dot.style.backgroundColor = goldsteinColor(g);  // CSSOM, allowed by the CSP
        gCell.prepend(dot);
      }
      const date = datePart(r.date || r.published);
      return el('tr', {},
        td(date || 'undated', date || ''),
        actorCell(r.source),
        td([el('code', { text: code }), ' ', el('span', { class: 'label', text: label }),
          flags ? el('span', { class: 'flags', text: ' (' + flags + ')' }) : null], code, 'cameo'),
        actorCell(r.target),
        gCell,
        td(r.quad_class ? r.quad_class + ' ' + (QUAD_NAMES[r.quad_class] || '') : '', r.quad_class, 'quad'),
        td(r.location || '', r.location || '', 'location'),
        td(r.evidence || '', undefined, 'evidence'),
        td(articleLink(r.article, r.title || r.article), r.title || ''));
    },
  },
  quotes: {
    what: 'quotes',
    formats: ['csv', 'jsonl'],
    serverSort: {},
    row(r) {
      const who = r.speaker_entity || r.speaker_name || '?';
      const date = datePart(r.published);
      return el('tr', {},
        td(date || 'undated', date || ''),
        td(who !== '?' ? entityLink(who, 'PER') : who, who),
        td(r.text || '', undefined, 'quote-text'),
        td(r.kind || ''),
        td(articleLink(r.article, r.title || r.article), r.title || ''));
    },
  },
  entities: {
    what: 'entities',
    formats: ['csv', 'jsonl'],
    serverSort: {},
    row(r) {
      return el('tr', {},
        td(entityLink(r.name, r.type), r.name),
        td(r.type || ''),
        td(r.country || ''),
        td(fmt(r.articles), r.articles, 'num'),
        td(fmt(r.mentions), r.mentions, 'num'));
    },
  },
  stories: {
    what: 'stories',
    formats: [],
    serverSort: {},
    row(r) {
      return el('tr', {},
        td(el('a', { href: '#story/' + encodeURIComponent(r.story), text: r.title || r.story }), r.title || ''),
        td(fmt(r.size), r.size, 'num'),
        td((r.outlets || []).filter(Boolean).join(', ')),
        td(datePart(r.first_published) || 'undated', r.first_published || ''),
        td(datePart(r.last_published) || 'undated', r.last_published || ''));
    },
  },
};

export async function showTable(name, query) {
  const spec = TABLES[name];
  const view = $('#view-' + name);
  const form = $('#' + name + '-form');
  const params = formParams(form, query);
  const given = new URLSearchParams(query || '');
  for (const k of ['offset', 'limit', 'sort']) if (given.get(k)) params.push([k, given.get(k)]);
  showError(view, null);
  const table = $('#' + name + '-table');
  const body = $('tbody', table);
  body.replaceChildren();
  unloaded(view);
  try {
    const page = await api(name, params);
    pager(view, name, query, page, spec.what);
    if (spec.formats.length) downloads(view, name, params, spec.formats);
    body.append(...page.rows.map((r) => spec.row(r)));
    sortableTable(table, {
      serverSort: spec.serverSort,
      current: given.get('sort') || '',
      onServerSort: (sort) => { location.hash = hashFor(name, withParams(query, ['sort', 'offset'], [['sort', sort]])); },
    });
  } catch (e) { showError(view, e); $('.summary', view).textContent = ''; $('.pager', view).replaceChildren(); }
  loaded(view, query);
}
