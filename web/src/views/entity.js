// #entity?name=NAME&type=PER: one person, organisation or place: the names
// it goes by, its counts, mentions over time, articles, quotes by it and
// events with it as source or target (/api/entity, /api/timeline,
// /api/search, /api/quotes?speaker=, /api/events?entity=). Each part loads
// on its own, so one failing part shows its error and the others still show.
import {
  $, el, api, showError, datePart, hashFor, articleLink, fmt, td, goldsteinColor, missingEndpoint,
  loaded, unloaded,
} from '../util.js';
import { drawTimeChart, periodAxis, periodStart, PALETTE } from '../chart.js';
import { actorText } from './article.js';
import { cameoLabel } from '../cameo.js';

const N = 20;  // rows per part; each part links to its full list

function section(id) { return $('#entity-' + id); }

function partError(box, e) {
  box.append(el('p', { class: 'error', text: String(e.message || e) }));
}

// The entity's card: /api/entity, or on a server without it the matching
// row of /api/entities (no aliases, no quote/event counts).
async function card(name, type) {
  try {
    return await api('entity', [['name', name], ['type', type]]);
  } catch (e) {
    if (!missingEndpoint(e)) throw e;
    const page = await api('entities', [['name', name], ['type', type], ['limit', 50]]);
    const rows = page.rows || [];
    const exact = rows.find((r) => String(r.name).toLowerCase() === name.toLowerCase()) || rows[0];
    if (!exact) throw new Error('no entity named “' + name + '”');
    return { ...exact, aliases: null, partial: true };
  }
}

function sameEntity(actor, names) {
  if (!actor) return false;
  const n = String(actor.name || '').toLowerCase();
  return names.some((x) => x && (n === x || n.includes(x) || x.includes(n)));
}

function eventRow(r) {
  const g = typeof r.goldstein === 'number' ? r.goldstein : null;
  const gCell = td(g === null ? '' : g.toFixed(1), g ?? '', 'num goldstein');
  const dot = el('span', { class: 'swatch' });
  dot.style.backgroundColor = goldsteinColor(g);
  gCell.prepend(dot);
  return el('tr', {},
    td(datePart(r.date || r.published) || 'undated'),
    td(actorText(r.source)),
    td([el('code', { text: r.code || '' }), ' ', r.label || cameoLabel(r.code)]),
    td(actorText(r.target)),
    gCell,
    td(r.evidence || '', undefined, 'evidence'),
    td(articleLink(r.article, r.title || r.article)));
}

function eventTable(rows) {
  const t = el('table', { class: 'events-mini' },
    el('thead', {}, el('tr', {}, ...['date', 'source', 'CAMEO', 'target', 'Goldstein', 'evidence', 'article'].map((h) => el('th', { text: h })))),
    el('tbody', {}, ...rows.map(eventRow)));
  return t;
}

export async function showEntity(query) {
  const view = $('#view-entity');
  const given = new URLSearchParams(query || '');
  const name = given.get('name') || '';
  const type = given.get('type') || '';
  showError(view, null);
  unloaded(view);
  for (const id of ['head', 'aliases', 'counts', 'timeline', 'articles', 'quotes', 'events']) section(id).replaceChildren();
  if (!name) { showError(view, new Error('no entity given: open one from a table or an article')); loaded(view, query); return; }

  const head = section('head');
  head.append(el('h1', { text: name }));
  let info = null;
  try {
    info = await card(name, type);
    head.replaceChildren(el('h1', { text: info.name || name }),
      el('p', { class: 'meta', text: [info.type, info.country].filter(Boolean).join(' · ') }));
    const aliases = (info.aliases || []).filter((a) => a && a !== info.name);
    const al = section('aliases');
    al.append(el('h2', { text: 'Also named' }));
    if (info.aliases === null) al.append(el('p', { class: 'note', text: '(this server does not list the names an entity goes by)' }));
    else if (!aliases.length) al.append(el('p', { class: 'note', text: 'no other names' }));
    else al.append(el('ul', { class: 'aliases' }, ...aliases.map((a) => el('li', { text: a }))));
    const counts = [['articles', info.articles], ['mentions', info.mentions], ['quotes by it', info.quotes],
      ['events as source', info.events_as_source], ['events as target', info.events_as_target]]
      .filter(([, v]) => typeof v === 'number');
    section('counts').append(el('dl', { class: 'counts' },
      ...counts.flatMap(([k, v]) => [el('dt', { text: k }), el('dd', { text: fmt(v), 'data-count': k })])));
  } catch (e) { partError(head, e); }

  const names = [name, info && info.name, ...((info && info.aliases) || [])].filter(Boolean).map((s) => String(s).toLowerCase());
  const q = (info && info.name) || name;

  const parts = [
    // Mentions over time.
    (async () => {
      const box = section('timeline');
      box.append(el('h2', {}, 'Over time ', el('a', { href: hashFor('timeline', [['q', q]]), class: 'more', text: 'open in the timeline' })));
      try {
        const t = await api('timeline', [['q', q], ['bucket', 'month']]);
        const series = t.series || [];
        const xs = periodAxis(series.map((s) => s.period), 'month');
        const chart = el('div', { class: 'chart small', id: 'entity-chart' });
        box.append(chart);
        if (xs.length) {
          drawTimeChart(chart, xs, ['articles', 'quotes', 'events'].map((m, i) => ({
            label: m, color: PALETTE[i], values: new Map(series.map((s) => [periodStart(s.period), s[m] || 0])),
          })), { bucket: 'month', height: 200 });
        } else chart.append(el('p', { class: 'note', text: 'no dated articles' }));
        const u = t.undated || {};
        if (u.articles) box.append(el('p', { class: 'note', text: fmt(u.articles) + ' undated articles are not on the chart' }));
      } catch (e) { partError(box, e); }
    })(),
    // Articles.
    (async () => {
      const box = section('articles');
      box.append(el('h2', {}, 'Articles ', el('a', { href: hashFor('search', [['q', q]]), class: 'more', text: 'all' })));
      try {
        const page = await api('search', [['q', q], ['limit', 10]]);
        box.append(el('ul', {}, ...(page.rows || []).map((h) => el('li', {},
          articleLink(h.id, h.title || '(no title)'), el('span', { class: 'meta', text: ' ' + [datePart(h.published) || 'undated', h.outlet].filter(Boolean).join(' · ') })))));
        if (!(page.rows || []).length) box.append(el('p', { class: 'note', text: 'none found by name' }));
      } catch (e) { partError(box, e); }
    })(),
    // Quotes by it.
    (async () => {
      const box = section('quotes');
      box.append(el('h2', {}, 'Quotes by it ', el('a', { href: hashFor('quotes', [['speaker', q]]), class: 'more', text: 'all' })));
      try {
        const page = await api('quotes', [['speaker', q], ['limit', N]]);
        const rows = page.rows || [];
        box.append(el('ul', { class: 'quotes' }, ...rows.map((r) => el('li', {},
          el('q', { text: r.text || '' }), ' ', el('span', { class: 'meta', text: [datePart(r.published) || 'undated', r.outlet].filter(Boolean).join(' · ') + ' ' }),
          articleLink(r.article, 'article')))));
        const total = typeof page.total === 'number' ? page.total : null;
        box.append(el('p', { class: 'note', text: rows.length ? (total !== null ? fmt(rows.length) + ' of ' + fmt(total) : fmt(rows.length) + (page.more ? '+' : '')) + ' quotes' : 'no quotes by this name' }));
      } catch (e) { partError(box, e); }
    })(),
    // Events as source and as target.
    (async () => {
      const box = section('events');
      box.append(el('h2', {}, 'Events ', el('a', { href: hashFor('events', [['entity', q]]), class: 'more', text: 'all' })));
      try {
        const page = await api('events', [['entity', q], ['limit', 100]]);
        const rows = page.rows || [];
        const asSource = rows.filter((r) => sameEntity(r.source, names));
        const asTarget = rows.filter((r) => !sameEntity(r.source, names) && sameEntity(r.target, names));
        const other = rows.filter((r) => !asSource.includes(r) && !asTarget.includes(r));
        box.append(el('h3', { text: 'As source (' + asSource.length + ')' }), eventTable(asSource.slice(0, N)));
        box.lastChild.id = 'entity-events-source';
        box.append(el('h3', { text: 'As target (' + asTarget.length + ')' }), eventTable(asTarget.slice(0, N)));
        box.lastChild.id = 'entity-events-target';
        if (other.length) box.append(el('p', { class: 'note', text: other.length + ' more where it is named otherwise' }));
        if (page.more || (typeof page.total === 'number' && page.total > rows.length)) {
          box.append(el('p', { class: 'note', text: 'the first ' + rows.length + ' events; “all” lists the rest' }));
        }
      } catch (e) { partError(box, e); }
    })(),
  ];
  await Promise.all(parts);
  loaded(view, query);
}

