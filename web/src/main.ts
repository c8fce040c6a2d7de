// The analyst's page: a hash router over the views. Each view renders into <main> from the
// JSON API; when it is done, <main data-ready="VIEW"> says so (the browser tests wait for it).
import './style.css';
import { h, put, note } from './dom.js';
import { refreshStatus, takeFlash } from './status.js';
import { parseRoute, type Route } from './route.js';
import { reportView } from './views/report.js';
import { addView } from './views/add.js';
import { eventsView } from './views/events.js';
import { relationsView } from './views/relations.js';
import { commitmentsView } from './views/commitments.js';
import { seriesView } from './views/series.js';
import { compareView } from './views/compare.js';

type View = (root: HTMLElement, route: Route) => Promise<void>;

const VIEWS: { name: string; label: string; view: View }[] = [
  { name: 'report', label: 'Report', view: reportView },
  { name: 'add', label: 'Add report', view: addView },
  { name: 'events', label: 'Events', view: eventsView },
  { name: 'relations', label: 'Relations', view: relationsView },
  // the map's outlines and projection load only when it is opened
  { name: 'map', label: 'Map', view: async (root, route) => (await import('./views/map.js')).mapView(root, route) },
  { name: 'commitments', label: 'Commitments', view: commitmentsView },
  { name: 'series', label: 'Series', view: seriesView },
  { name: 'compare', label: 'Compare', view: compareView },
];

const nav = document.getElementById('nav')!;
const main = document.getElementById('view')!;

put(nav, VIEWS.map((v) => h('a', { href: `#/${v.name}`, 'data-view': v.name }, v.label)));

let rendering = 0;

async function render(): Promise<void> {
  const route = parseRoute(location.hash);
  const entry = VIEWS.find((v) => v.name === route.view) ?? VIEWS[0];
  for (const a of nav.querySelectorAll('a')) a.classList.toggle('active', a.getAttribute('data-view') === entry.name);
  const mine = ++rendering;
  const root = h('div', { class: `view view-${entry.name}` });
  main.removeAttribute('data-ready');
  main.setAttribute('data-render', String(mine));
  const flash = takeFlash();
  put(main, flash ? note(flash) : null, root);
  document.title = `entente · ${entry.label}`;
  try {
    await entry.view(root, route);
  } catch (e) {
    root.append(note(`Could not show this view: ${(e as Error).message}`, 'error'));
  }
  if (mine === rendering) main.setAttribute('data-ready', entry.name);
}

window.addEventListener('hashchange', () => void render());
void refreshStatus();
void render();
