// Map: where events took place, on a world map drawn from Natural Earth outlines bundled with
// the page (world-atlas, d3-geo) — no tile server, works offline.
import { geoEqualEarth, geoPath, geoGraticule10 } from 'd3-geo';
import { feature, mesh } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import type { FeatureCollection, Geometry } from 'geojson';
import countriesUrl from 'world-atlas/countries-110m.json?url';
import { h, s, put, note, fmtNumber } from '../dom.js';
import { get, type MapPlace, type EventPage } from '../api.js';
import { QUAD_SHORT, quadClass, shorten } from '../format.js';
import { go, href, type Route } from '../route.js';

let outlines: Promise<Topology> | null = null;

function world(): Promise<Topology> {
  outlines ??= fetch(countriesUrl).then((r) => {
    if (!r.ok) throw new Error(`the map outlines did not load (${r.status})`);
    return r.json() as Promise<Topology>;
  });
  return outlines;
}

export async function mapView(root: HTMLElement, route: Route): Promise<void> {
  const actor = route.params.get('actor') ?? '';
  const from = route.params.get('from') ?? '';
  const to = route.params.get('to') ?? '';
  const [topo, places] = await Promise.all([world(), get<MapPlace[]>('places', { actor, from, to, limit: 300 })]);

  const actorInput = h('input', { id: 'map-actor', name: 'actor', value: actor, placeholder: 'PAK', maxlength: 40 });
  const fromInput = h('input', { id: 'map-from', name: 'from', value: from, placeholder: '2026-01', maxlength: 10 });
  const toInput = h('input', { id: 'map-to', name: 'to', value: to, placeholder: '2026-12', maxlength: 10 });
  const form = h('form', { class: 'filters' },
    h('label', { class: 'field' }, h('span', null, 'Actor'), actorInput),
    h('label', { class: 'field' }, h('span', null, 'From'), fromInput),
    h('label', { class: 'field' }, h('span', null, 'To'), toInput),
    h('div', { class: 'buttons' }, h('button', { type: 'submit', class: 'primary' }, 'Show'), h('a', { class: 'button', href: '#/map' }, 'Reset')));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    go('map', null, { actor: actorInput.value.trim().toUpperCase(), from: fromInput.value.trim(), to: toInput.value.trim() });
  });

  const W = 960;
  const H = 500;
  const countries = feature(topo, topo.objects.countries as GeometryCollection) as unknown as FeatureCollection<Geometry, { name: string }>;
  const projection = geoEqualEarth().fitExtent([[8, 8], [W - 8, H - 8]], { type: 'Sphere' });
  const path = geoPath(projection);
  const svg = s('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': 'event places on a world map', class: 'world', id: 'world-map' },
    s('path', { d: path({ type: 'Sphere' }) ?? '', class: 'sphere' }),
    s('path', { d: path(geoGraticule10()) ?? '', class: 'graticule' }),
    countries.features.map((f) => s('path', { d: path(f) ?? '', class: 'country' }, s('title', null, f.properties?.name ?? ''))),
    s('path', { d: path(mesh(topo, topo.objects.countries as GeometryCollection, (a, b) => a !== b)) ?? '', class: 'borders' }));

  const detail = h('div', { class: 'place-detail', 'aria-live': 'polite' }, note(places.length ? 'Select a place to list its events.' : 'No events with a known place match.'));
  const max = Math.max(1, ...places.map((p) => p.events));
  // the largest first, so small places stay clickable on top
  for (const p of [...places].sort((a, b) => b.events - a.events)) {
    const xy = projection([p.lon, p.lat]);
    if (!xy) continue;
    const main = p.quad.indexOf(Math.max(...p.quad)) + 1;
    const c = s('circle', { cx: xy[0], cy: xy[1], r: 4 + 14 * Math.sqrt(p.events / max), class: `place ${quadClass(main)}`, tabindex: 0, 'data-place': p.ref },
      s('title', null, `${p.name}${p.country ? ` (${p.country})` : ''}: ${p.events} events — ${p.quad.map((n, q) => `${QUAD_SHORT[q]} ${n}`).join(', ')}`));
    const open = () => void showPlace(detail, p, actor, from, to);
    c.addEventListener('click', open);
    c.addEventListener('keydown', (ev) => {
      if (ev.key === 'Enter') open();
    });
    svg.append(c);
  }

  put(root, h('section', null,
    h('h1', null, 'Map'),
    form,
    h('p', { class: 'muted' }, `${places.length} places with events; circle area: events, colour: the most frequent quad class. Outlines: Natural Earth 1:110m (bundled, offline).`),
    h('div', { class: 'chart map' }, svg),
    detail));
}

async function showPlace(detail: HTMLElement, p: MapPlace, actor: string, from: string, to: string): Promise<void> {
  put(detail, note(`Loading events at ${p.name} …`));
  const page = await get<EventPage>('events', { place: p.ref, actor, from, to, limit: 100 });
  put(detail,
    h('h2', null, `${p.name}${p.country ? ` (${p.country})` : ''}: ${page.total} events`, ' ', h('a', { href: href('events', null, { place: p.ref, actor, from, to }) }, 'in the events table')),
    h('ul', { class: 'plain' }, page.events.map((e) => h('li', { class: quadClass(e.quadClass) },
      h('span', { class: 'nowrap' }, `${e.day || '—'} `), h('strong', null, `${e.source.code} → ${e.target?.code ?? '—'}`), ` ${e.code} ${e.name} (Goldstein ${fmtNumber(e.goldstein)}) `,
      h('a', { href: href('report', e.evidence.doc, { event: e.id }) }, shorten(e.evidence.text, 140))))));
}
