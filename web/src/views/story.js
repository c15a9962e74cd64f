// #story/ID: the copies of one wire story side by side, with outlets and
// times (/api/stories/ID; on a server without it, the story's members from
// /api/search?story=ID and each member's text from /api/articles/ID).
import { $, el, api, showError, dateTime, externalLink, articleLink, missingEndpoint, loaded, unloaded } from '../util.js';

const MAX_FALLBACK = 12;  // members fetched one by one on an older server

function excerptOf(text, n = 700) {
  const s = String(text || '');
  const cps = Array.from(s);
  return cps.length > n ? cps.slice(0, n).join('') + '…' : s;
}

async function loadStory(id) {
  try {
    return await api('stories/' + encodeURIComponent(id));
  } catch (e) {
    if (!missingEndpoint(e)) throw e;
    const page = await api('search', [['story', id], ['limit', 50]]);
    const rows = page.rows || [];
    if (!rows.length) throw new Error('no story ' + id);
    const members = await Promise.all(rows.slice(0, MAX_FALLBACK).map(async (h) => {
      const r = await api('articles/' + encodeURIComponent(h.id));
      return { id: h.id, title: r.title, outlet: r.outlet, published: r.published, url: r.url, excerpt: excerptOf(r.text) };
    }));
    return { story: id, size: rows.length + (page.more ? '+' : ''), members };
  }
}

export async function showStory(id) {
  const view = $('#view-story');
  showError(view, null);
  unloaded(view);
  const grid = $('#story-members');
  grid.replaceChildren();
  $('#story-head').replaceChildren();
  try {
    const s = await loadStory(id);
    const members = [...(s.members || [])].sort((a, b) =>
      String(a.published || '\uffff').localeCompare(String(b.published || '\uffff')));
    const dated = members.map((m) => m.published).filter(Boolean);
    const outlets = new Set(members.map((m) => m.outlet).filter(Boolean));
    $('#story-head').append(
      el('h1', { text: (members[0] && members[0].title) || 'Story ' + id }),
      el('p', { class: 'meta', text: s.size + ' ' + (s.size === 1 ? 'copy' : 'copies') + ' in ' + outlets.size + ' ' +
        (outlets.size === 1 ? 'outlet' : 'outlets') + (dated.length ? ', first ' + dateTime(dated[0]) + ', last ' + dateTime(dated[dated.length - 1]) : '') +
        (members.length < Number(String(s.size).replace('+', '')) ? ' (the first ' + members.length + ' shown)' : '') }));
    for (const m of members) {
      grid.append(el('article', { class: 'copy', 'data-id': m.id },
        el('div', { class: 'outlet', text: m.outlet || '(no outlet)' }),
        el('div', { class: 'meta', text: dateTime(m.published) || 'undated' }),
        el('h2', {}, articleLink(m.id, m.title || '(no title)')),
        m.url ? el('div', { class: 'url' }, externalLink(m.url)) : null,
        el('p', { class: 'excerpt', text: m.excerpt || '' })));
    }
  } catch (e) { showError(view, e); }
  loaded(view, id);
}
