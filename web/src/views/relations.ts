// Relations: for a dyad, cooperation and conflict over time (events per quad class, stacked,
// with the mean Goldstein value as a line); and the network of who deals with whom.
import { forceSimulation, forceLink, forceManyBody, forceCenter, forceCollide, type SimulationNodeDatum, type SimulationLinkDatum } from 'd3-force';
import { h, s, put, note, fmtNumber } from '../dom.js';
import { get, type Network, type TimelineResponse, type TimelineRow } from '../api.js';
import { QUAD_NAMES, QUAD_SHORT, goldsteinClass } from '../format.js';
import { go, href, type Route } from '../route.js';
import { withGaps } from '../timeline.js';

const PERIODS = ['day', 'week', 'month', 'year'];

export async function relationsView(root: HTMLElement, route: Route): Promise<void> {
  const net = await get<Network>('network', { limit: 60 });
  const busiest = net.edges[0];
  const dyad = route.params.get('dyad') ?? (busiest ? `${busiest.source}-${busiest.target}` : '');
  const by = PERIODS.includes(route.params.get('by') ?? '') ? route.params.get('by')! : 'month';

  const dyadInput = h('input', { id: 'dyad', name: 'dyad', value: dyad, placeholder: 'PAK-CHN', maxlength: 81, pattern: '[^\\s>–\\-]+[>–\\-][^\\s>–\\-]+', list: 'actor-codes' });
  const bySelect = h('select', { id: 'by', name: 'by' }, PERIODS.map((p) => h('option', { value: p }, p)));
  bySelect.value = by;
  const form = h('form', { class: 'filters' },
    h('label', { class: 'field' }, h('span', null, 'Dyad'), dyadInput),
    h('datalist', { id: 'actor-codes' }, net.edges.map((e) => h('option', { value: `${e.source}-${e.target}` }))),
    h('label', { class: 'field' }, h('span', null, 'Period'), bySelect),
    h('div', { class: 'buttons' }, h('button', { type: 'submit', class: 'primary' }, 'Show')));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    go('relations', null, { dyad: dyadInput.value.trim().toUpperCase(), by: bySelect.value });
  });

  let chart: Element;
  if (!dyad) chart = note('No dyads in the knowledge base yet.');
  else {
    try {
      const t = await get<TimelineResponse>('timeline', { dyad, by });
      chart = t.rows.length ? timelineChart(t.rows, by) : note(`No events between ${dyad}.`);
    } catch (e) {
      chart = note((e as Error).message, 'error');
    }
  }

  put(root, h('section', null,
    h('h1', null, 'Relations'),
    form,
    h('h2', null, dyad ? `${dyad} over time (either way), by ${by}` : 'Over time'),
    h('div', { class: 'chart', id: 'timeline-chart' }, chart),
    dyad ? h('p', { class: 'links' }, h('a', { href: href('events', null, { dyad }) }, `${dyad} events`)) : null,
    h('h2', null, 'Who deals with whom'),
    h('p', { class: 'muted' }, 'The busiest dyads; line width: events, colour: mean Goldstein (red conflict … green cooperation). Select a line to chart its dyad.'),
    net.edges.length ? h('div', { class: 'chart', id: 'network' }, networkChart(net, dyad)) : note('No events with a target yet.')));
}

function timelineChart(all: TimelineRow[], by: string): SVGSVGElement {
  const rows = withGaps(all, by);
  const W = 1100;
  const H = 300;
  const m = { top: 20, right: 80, bottom: 56, left: 40 };
  const iw = W - m.left - m.right;
  const ih = H - m.top - m.bottom;
  const max = Math.max(1, ...rows.map((r) => r.events));
  const bw = iw / rows.length;
  const y = (n: number) => m.top + ih - (n / max) * ih;
  const yg = (g: number) => m.top + ih / 2 - (g / 10) * (ih / 2);
  const svg = s('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': 'events per period by quad class, and mean Goldstein value', class: 'timeline' });
  // axes: counts on the left, Goldstein −10 … +10 on the right
  for (const t of [0, Math.ceil(max / 2), max]) {
    svg.append(s('line', { x1: m.left, x2: W - m.right, y1: y(t), y2: y(t), class: 'grid' }), s('text', { x: m.left - 6, y: y(t) + 4, class: 'tick', 'text-anchor': 'end' }, String(t)));
  }
  for (const g of [-10, 0, 10]) svg.append(s('text', { x: W - m.right + 6, y: yg(g) + 4, class: 'tick gs-axis' }, `${g > 0 ? '+' : ''}${g}`));
  svg.append(s('text', { x: W - m.right + 6, y: m.top - 6, class: 'tick gs-axis' }, 'Goldstein'));
  rows.forEach((r, i) => {
    let base = 0;
    const x = m.left + i * bw + bw * 0.15;
    const g = s('g', { class: 'bar' }, s('title', null, `${r.period}: ${r.events} events (${r.quad.map((n, q) => `${QUAD_SHORT[q]} ${n}`).join(', ')}), mean Goldstein ${fmtNumber(r.goldsteinMean, 2)}`));
    r.quad.forEach((n, q) => {
      if (!n) return;
      g.append(s('rect', { x, width: Math.max(1, bw * 0.7), y: y(base + n), height: y(base) - y(base + n), class: `q${q + 1}` }));
      base += n;
    });
    svg.append(g);
    const every = Math.ceil(rows.length / 12);
    if (i % every === 0) svg.append(s('text', { x: x + bw * 0.35, y: H - m.bottom + 16, class: 'tick', 'text-anchor': 'middle' }, r.period));
  });
  // the mean Goldstein line joins the periods that have events
  const withEvents = rows.map((r, i) => ({ r, i })).filter(({ r }) => r.events > 0);
  const pts = withEvents.map(({ r, i }) => `${m.left + i * bw + bw / 2},${yg(r.goldsteinMean)}`).join(' ');
  svg.append(s('polyline', { points: pts, class: 'gs-line' }));
  withEvents.forEach(({ r, i }) => svg.append(s('circle', { cx: m.left + i * bw + bw / 2, cy: yg(r.goldsteinMean), r: 3, class: `gs-dot ${goldsteinClass(r.goldsteinMean)}` }, s('title', null, `${r.period}: mean Goldstein ${fmtNumber(r.goldsteinMean, 2)}`))));
  // legend
  QUAD_NAMES.forEach((name, q) => {
    const lx = m.left + q * 190;
    svg.append(s('rect', { x: lx, y: H - 22, width: 12, height: 12, class: `q${q + 1}` }), s('text', { x: lx + 16, y: H - 12, class: 'tick' }, name));
  });
  svg.append(s('line', { x1: m.left + 770, x2: m.left + 792, y1: H - 16, y2: H - 16, class: 'gs-line' }), s('text', { x: m.left + 796, y: H - 12, class: 'tick' }, 'mean Goldstein'));
  return svg;
}

interface Node extends SimulationNodeDatum {
  code: string;
  name: string;
  events: number;
}
type Link = SimulationLinkDatum<Node> & Omit<Network['edges'][number], 'source' | 'target'>;

function networkChart(net: Network, dyad: string): SVGSVGElement {
  const W = 1100;
  const H = 520;
  const nodes: Node[] = net.nodes.map((n) => ({ ...n }));
  const byCode = new Map(nodes.map((n) => [n.code, n]));
  const links: Link[] = net.edges.map((e) => ({ ...e, source: byCode.get(e.source)!, target: byCode.get(e.target)! }));
  const maxEvents = Math.max(1, ...net.edges.map((e) => e.events));
  const radius = (n: Node) => 6 + Math.sqrt(n.events) * 2;
  // laid out once, synchronously: the same data gives the same picture
  const sim = forceSimulation(nodes)
    .force('link', forceLink<Node, Link>(links).distance(110).strength(0.4))
    .force('charge', forceManyBody().strength(-260))
    .force('center', forceCenter(W / 2, H / 2))
    .force('collide', forceCollide<Node>().radius((n) => radius(n) + 14))
    .stop();
  for (let i = 0; i < 300; i++) sim.tick();
  for (const n of nodes) {
    n.x = Math.max(30, Math.min(W - 30, n.x ?? W / 2));
    n.y = Math.max(20, Math.min(H - 20, n.y ?? H / 2));
  }
  const [da, db] = dyad.split(/[-–>]/);
  const svg = s('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': 'network of dyads', class: 'network' });
  svg.append(s('defs', null, s('marker', { id: 'arrow', viewBox: '0 0 10 10', refX: 10, refY: 5, markerWidth: 9, markerHeight: 9, markerUnits: 'userSpaceOnUse', orient: 'auto-start-reverse' }, s('path', { d: 'M 0 0 L 10 5 L 0 10 z', class: 'arrowhead' }))));
  for (const l of links) {
    const a = l.source as Node;
    const b = l.target as Node;
    const dx = b.x! - a.x!;
    const dy = b.y! - a.y!;
    const len = Math.hypot(dx, dy) || 1;
    // a slight curve, so A → B and B → A are two lines
    const mx = (a.x! + b.x!) / 2 - (dy / len) * 14;
    const my = (a.y! + b.y!) / 2 + (dx / len) * 14;
    const rb = radius(b) + 3;
    const ex = b.x! - (dx / len) * rb;
    const ey = b.y! - (dy / len) * rb;
    const on = (a.code === da && b.code === db) || (a.code === db && b.code === da);
    const path = s('path', {
      d: `M ${a.x} ${a.y} Q ${mx} ${my} ${ex} ${ey}`,
      class: `edge ${goldsteinClass(l.goldsteinMean)}${on ? ' on' : ''}`,
      'stroke-width': 1 + (l.events / maxEvents) * 7,
      'marker-end': 'url(#arrow)',
      tabindex: 0,
      'data-dyad': `${a.code}-${b.code}`,
    }, s('title', null, `${a.code} → ${b.code}: ${l.events} events, mean Goldstein ${fmtNumber(l.goldsteinMean, 2)} (${l.quad.map((n, q) => `${QUAD_SHORT[q]} ${n}`).join(', ')})`));
    path.addEventListener('click', () => go('relations', null, { dyad: `${a.code}-${b.code}` }));
    svg.append(path);
  }
  for (const n of nodes) {
    const g = s('g', { class: `node${n.code === da || n.code === db ? ' on' : ''}`, transform: `translate(${n.x},${n.y})` },
      s('circle', { r: radius(n) }),
      s('text', { y: radius(n) + 12, 'text-anchor': 'middle' }, n.code),
      s('title', null, `${n.name} (${n.code}): ${n.events} events`));
    g.addEventListener('click', () => go('events', null, { actor: n.code }));
    svg.append(g);
  }
  return svg;
}
