// #network?since=&until=&quad=&level=country: who acts on whom
// (/api/network). A directed graph drawn with sigma (WebGL) over graphology,
// laid out by ForceAtlas2 (run here, synchronously: no worker, which the
// CSP would refuse from a blob); edge width = events, colour = mean
// Goldstein. The table under it lists the same edges.
import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import Sigma from 'sigma';
import { $, el, api, showError, formParams, hashFor, goldsteinColor, fmt, td, sortableTable, loaded, unloaded }
  from '../util.js';

let renderer = null;

function eventsHash(source, target, given) {
  const p = [['actor', source]];
  if (target !== undefined && target !== source) p.push(['actor', target]);
  for (const k of ['since', 'until', 'quad']) if (given.get(k)) p.push([k, given.get(k)]);
  return hashFor('events', p);
}

// Builds the graph: deterministic start on a circle, then ForceAtlas2.
export function buildGraph(answer) {
  const g = new Graph({ type: 'directed', multi: false, allowSelfLoops: true });
  const nodes = answer.nodes || [];
  const maxN = Math.max(1, ...nodes.map((n) => n.events || 0));
  nodes.forEach((n, i) => {
    const a = (2 * Math.PI * i) / Math.max(1, nodes.length);
    g.mergeNode(String(n.id), {
      label: String(n.id) + ' (' + (n.events || 0) + ')',
      x: Math.cos(a) * 100, y: Math.sin(a) * 100,
      size: 4 + 14 * Math.sqrt((n.events || 0) / maxN),
      color: '#37474f',
      events: n.events || 0,
    });
  });
  const edges = answer.edges || [];
  const maxE = Math.max(1, ...edges.map((e) => e.events || 0));
  for (const e of edges) {
    const s = String(e.source), t = String(e.target);
    for (const id of [s, t]) if (!g.hasNode(id)) g.addNode(id, { label: id, x: Math.random() * 10, y: Math.random() * 10, size: 4, color: '#37474f', events: 0 });
    if (s === t) continue;  // sigma draws no loops; the table lists them
    g.mergeDirectedEdge(s, t, {
      size: 1 + 6 * Math.sqrt((e.events || 0) / maxE),
      color: goldsteinColor(e.goldstein),
      events: e.events || 0,
      goldstein: e.goldstein,
      label: fmt(e.events) + ' events, mean Goldstein ' + (typeof e.goldstein === 'number' ? e.goldstein.toFixed(1) : '?'),
    });
  }
  if (g.order > 1) {
    forceAtlas2.assign(g, {
      iterations: 300,
      settings: { ...forceAtlas2.inferSettings(g), edgeWeightInfluence: 0.5, strongGravityMode: true, gravity: 0.05, scalingRatio: 10 },
    });
  }
  return g;
}

export async function showNetwork(query) {
  const view = $('#view-network');
  const form = $('#network-form');
  const params = formParams(form, query);
  const given = new URLSearchParams(query || '');
  showError(view, null);
  unloaded(view);
  if (renderer) { renderer.kill(); renderer = null; }
  const box = $('#network-graph');
  box.replaceChildren();
  $('#network-table tbody').replaceChildren();
  $('#view-network .summary').textContent = '';
  try {
    const answer = await api('network', params);
    const nodes = answer.nodes || [], edges = answer.edges || [];
    const nEvents = edges.reduce((n, e) => n + (e.events || 0), 0);
    $('#view-network .summary').textContent = fmt(nodes.length) + ' actors, ' + fmt(edges.length) + ' links, ' +
      fmt(nEvents) + ' events' + (answer.undated ? ' · ' + fmt(answer.undated) + ' undated events match' : '');
    const g = buildGraph(answer);
    view.dataset.nodes = String(g.order);
    view.dataset.edges = String(g.size);
    if (g.order) {
      try {
        renderer = new Sigma(g, box, {
          defaultEdgeType: 'arrow',
          renderEdgeLabels: false,
          labelRenderedSizeThreshold: 0,
          labelDensity: 1,
          labelGridCellSize: 40,
          labelFont: 'system-ui, sans-serif',
          zIndex: true,
        });
        renderer.on('clickNode', ({ node }) => { location.hash = eventsHash(node, undefined, given); });
        renderer.on('clickEdge', ({ edge }) => {
          location.hash = eventsHash(g.source(edge), g.target(edge), given);
        });
        view.dataset.renderer = 'webgl';
      } catch (e) {
        box.append(el('p', { class: 'note', text: 'The graph needs WebGL, which this browser does not give (' + e.message +
          '); the table below lists the same links.' }));
        view.dataset.renderer = 'none';
      }
    } else {
      box.append(el('p', { class: 'note', text: 'No events between two coded actors match these filters.' }));
    }
    const rows = [...edges].sort((a, b) => (b.events || 0) - (a.events || 0));
    $('#network-table tbody').append(...rows.map((e) => {
      const g0 = typeof e.goldstein === 'number' ? e.goldstein : null;
      const gCell = td(g0 === null ? '' : g0.toFixed(2), g0 ?? '', 'num goldstein');
      const dot = el('span', { class: 'swatch' });
      dot.style.backgroundColor = goldsteinColor(g0);
      gCell.prepend(dot);
      return el('tr', {},
        td(el('a', { href: eventsHash(e.source, undefined, given), text: String(e.source) }), e.source),
        td(el('a', { href: eventsHash(e.target, undefined, given), text: String(e.target) }), e.target),
        td(el('a', { href: eventsHash(e.source, e.target, given), text: fmt(e.events) }), e.events, 'num'),
        gCell);
    }));
    sortableTable($('#network-table'), {});
  } catch (e) { showError(view, e); }
  loaded(view, query);
}
