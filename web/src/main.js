// dateline's browser UI: plain JS modules over the JSON API (docs/serve.md),
// bundled with esbuild into app.js + app.css (web/build.mjs) and embedded
// into the binary. Views are chosen by the URL hash, so each can be
// bookmarked: #search?q=, #article/ID, #timeline?q=&q2=, #network?,
// #map?, #entity?name=, #story/ID, #stories?, #events?, #quotes?,
// #entities?. Text from the archive goes into the page as text only.
import 'uplot/dist/uPlot.min.css';
import '../style.css';
import { $, $$, api, bindForm, fmt } from './util.js';
import { showSearch } from './views/search.js';
import { showArticle } from './views/article.js';
import { showTable } from './views/tables.js';
import { showTimeline, bindTimeline } from './views/timeline.js';
import { showNetwork } from './views/network.js';
import { showMap } from './views/map.js';
import { showEntity } from './views/entity.js';
import { showStory } from './views/story.js';

const TABLE_VIEWS = ['events', 'quotes', 'entities', 'stories'];

function route() {
  const hash = location.hash.slice(1) || 'search';
  const [head, ...rest] = hash.split('?');
  const query = rest.join('?');
  const slash = head.indexOf('/');
  const name = slash >= 0 ? head.slice(0, slash) : head;
  const id = slash >= 0 ? decodeURIComponent(head.slice(slash + 1)) : '';
  if (!$('#view-' + name)) { location.hash = 'search'; return undefined; }
  for (const v of $$('.view')) v.hidden = v.id !== 'view-' + name;
  const navName = name === 'article' ? 'search' : name === 'story' ? 'stories' : name;
  for (const a of $$('header nav a')) a.classList.toggle('active', a.dataset.view === navName);
  if (name === 'article') return showArticle(id);
  if (name === 'story') return showStory(id);
  if (TABLE_VIEWS.includes(name)) return showTable(name, query);
  if (name === 'timeline') return showTimeline(query);
  if (name === 'network') return showNetwork(query);
  if (name === 'map') return showMap(query);
  if (name === 'entity') return showEntity(query);
  return showSearch(query);
}

async function showStats() {
  try {
    const s = await api('stats');
    $('#stats').textContent = fmt(s.articles) + ' articles · ' + fmt(s.entities) + ' entities · ' + fmt(s.quotes) +
      ' quotes · ' + fmt(s.events) + ' events';
  } catch (e) { $('#stats').textContent = String(e.message); }
}

for (const name of ['search', 'network', 'map', ...TABLE_VIEWS]) bindForm($('#' + name + '-form'), name);
bindTimeline();
window.addEventListener('hashchange', route);
showStats();
route();
