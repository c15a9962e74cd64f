// #map?since=&until=&quad=&code=: where events happen (/api/places). An
// offline base map (Natural Earth 1:110m country shapes from world-atlas,
// bundled; no tile server), countries shaded by their event count, and a
// point per place the API gives coordinates for. SVG built with
// createElementNS, tooltips as <title> text.
import { geoNaturalEarth1, geoPath } from 'd3-geo';
import { feature } from 'topojson-client';
import world from 'world-atlas/countries-110m.json';
import { ALPHA3_TO_NUMERIC, ALPHA3_TO_ATLAS_NAME } from '../data/iso3166.js';
import { $, el, api, showError, formParams, hashFor, fmt, td, sortableTable, loaded, unloaded } from '../util.js';

const SVG = 'http://www.w3.org/2000/svg';
let countries = null;

function svg(tag, attrs = {}, ...children) {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== null && v !== undefined) e.setAttribute(k, String(v));
  for (const c of children) if (c) e.append(typeof c === 'string' ? document.createTextNode(c) : c);
  return e;
}

// The world-atlas feature for an alpha-3 code, or null.
function featureKey(alpha3) {
  const code = String(alpha3 || '').toUpperCase();
  if (ALPHA3_TO_NUMERIC[code]) return 'id:' + ALPHA3_TO_NUMERIC[code];
  if (ALPHA3_TO_ATLAS_NAME[code]) return 'name:' + ALPHA3_TO_ATLAS_NAME[code];
  return null;
}

// Sequential shades, light to dark, for 1..max events (log scale).
const SHADES = ['#fde0c5', '#facba6', '#f8b58b', '#f59e72', '#f2855d', '#ef6a4c', '#eb4a40', '#c8303c', '#9e1f3a'];
function shade(n, max) {
  if (!n) return null;
  const f = max <= 1 ? 1 : Math.log(n) / Math.log(max);
  return SHADES[Math.min(SHADES.length - 1, Math.round(f * (SHADES.length - 1)))];
}

export async function showMap(query) {
  const view = $('#view-map');
  const form = $('#map-form');
  const params = formParams(form, query);
  showError(view, null);
  unloaded(view);
  const box = $('#map-svg');
  box.replaceChildren();
  $('#map-countries tbody').replaceChildren();
  $('#map-places tbody').replaceChildren();
  $('#view-map .summary').textContent = '';
  try {
    const answer = await api('places', params);
    const rows = answer.rows || [];
    const byCountry = new Map();
    for (const c of answer.countries || []) byCountry.set(String(c.country || '').toUpperCase(), c.events || 0);
    const max = Math.max(1, ...byCountry.values());

    countries = countries || feature(world, world.objects.countries).features;
    const width = 960, height = 500;
    const projection = geoNaturalEarth1().fitExtent([[4, 4], [width - 4, height - 4]], { type: 'Sphere' });
    const path = geoPath(projection);
    const keyed = new Map();
    for (const f of countries) {
      if (f.id !== undefined) keyed.set('id:' + f.id, f);
      if (f.properties && f.properties.name) keyed.set('name:' + f.properties.name, f);
    }
    const shaded = new Map();  // feature -> [alpha3, events]
    const unmapped = [];
    for (const [code, n] of byCountry) {
      const f = keyed.get(featureKey(code));
      if (f) shaded.set(f, [code, n]); else unmapped.push(code);
    }
    const map = svg('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': 'map of event locations', class: 'worldmap' });
    map.append(svg('path', { d: path({ type: 'Sphere' }), class: 'sphere' }));
    const g = svg('g', { class: 'countries' });
    for (const f of countries) {
      const hit = shaded.get(f);
      const name = (f.properties && f.properties.name) || '';
      const p = svg('path', { d: path(f), class: hit ? 'country has-events' : 'country', fill: hit ? shade(hit[1], max) : null },
        svg('title', {}, name + (hit ? ' (' + hit[0] + '): ' + fmt(hit[1]) + ' events' : '')));
      if (hit) { p.dataset.iso3 = hit[0]; p.dataset.events = String(hit[1]); }
      g.append(p);
    }
    map.append(g);
    const pts = svg('g', { class: 'points' });
    const maxP = Math.max(1, ...rows.map((r) => r.events || 0));
    let drawn = 0;
    for (const r of rows) {
      if (typeof r.lat !== 'number' || typeof r.lon !== 'number') continue;
      const xy = projection([r.lon, r.lat]);
      if (!xy || !Number.isFinite(xy[0])) continue;
      pts.append(svg('circle', { cx: xy[0].toFixed(1), cy: xy[1].toFixed(1), r: (2.5 + 7 * Math.sqrt((r.events || 0) / maxP)).toFixed(1), class: 'place' },
        svg('title', {}, String(r.name) + (r.country ? ' (' + r.country + ')' : '') + ': ' + fmt(r.events) + ' events')));
      drawn++;
    }
    map.append(pts);
    box.append(map);
    view.dataset.shaded = String(shaded.size);
    view.dataset.points = String(drawn);

    const legend = el('div', { class: 'map-legend' }, 'events per country: ');
    for (const [i, c] of SHADES.entries()) {
      const s = el('span', { class: 'swatch', title: i === 0 ? '1' : i === SHADES.length - 1 ? fmt(max) : '' });
      s.style.backgroundColor = c;
      legend.append(s);
    }
    legend.append(' 1 – ' + fmt(max) + ' (log scale)');
    box.append(legend);

    const nPlaces = rows.length;
    const located = rows.filter((r) => typeof r.lat === 'number').length;
    $('#view-map .summary').textContent = fmt(byCountry.size) + ' countries, ' + fmt(nPlaces) + ' places (' +
      fmt(located) + ' with coordinates drawn as points)' +
      (unmapped.length ? ' · not on the map: ' + unmapped.join(', ') : '') +
      (answer.undated ? ' · ' + fmt(answer.undated) + ' undated events match' : '');

    const given = new URLSearchParams(query || '');
    const dates = ['since', 'until'].filter((k) => given.get(k)).map((k) => [k, given.get(k)]);
    $('#map-countries tbody').append(...[...byCountry].sort((a, b) => b[1] - a[1]).map(([code, n]) =>
      el('tr', {}, td(code), td(fmt(n), n, 'num'))));
    $('#map-places tbody').append(...rows.map((r) => el('tr', {},
      td(el('a', { href: hashFor('search', [['q', String(r.name || '')], ...dates]), text: String(r.name || '') }), r.name),
      td(r.country || ''), td(fmt(r.events), r.events, 'num'),
      td(typeof r.lat === 'number' ? r.lat.toFixed(2) + ', ' + r.lon.toFixed(2) : '—'))));
    sortableTable($('#map-countries'), {});
    sortableTable($('#map-places'), {});
  } catch (e) { showError(view, e); }
  loaded(view, query);
}
