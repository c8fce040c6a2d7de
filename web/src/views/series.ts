// Series: each recurring dialogue's rounds on a time line, with venues and co-chairs, the gaps
// between rounds, rounds no report tells of, and the next round announced.
import { h, s, put, note } from '../dom.js';
import { get, type SeriesHistory, type SeriesResponse } from '../api.js';
import { go, href, type Route } from '../route.js';

function toTime(d: string): number {
  const [y, m = '07', day = '01'] = d.split('-');
  return Date.UTC(Number(y), Number(m) - 1, Number(day));
}

export async function seriesView(root: HTMLElement, route: Route): Promise<void> {
  const name = route.params.get('name') ?? '';
  const data = await get<SeriesResponse>('series', { name });
  const input = h('input', { id: 's-name', name: 'name', value: name, placeholder: 'strategic dialogue', maxlength: 200 });
  const form = h('form', { class: 'filters' },
    h('label', { class: 'field' }, h('span', null, 'Name'), input),
    h('div', { class: 'buttons' }, h('button', { type: 'submit', class: 'primary' }, 'Show'), h('a', { class: 'button', href: '#/series' }, 'Reset')));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    go('series', null, { name: input.value.trim() });
  });
  // series with dated rounds first: they have a time line to show
  const list = [...data.series].sort((a, b) => b.rounds.filter((r) => r.date).length - a.rounds.filter((r) => r.date).length || a.name.localeCompare(b.name));
  put(root, h('section', null,
    h('h1', null, 'Series'),
    form,
    list.length ? list.map((x) => seriesCard(x, data.today)) : note('No dialogue series match.')));
}

function seriesCard(x: SeriesHistory, today: string): HTMLElement {
  return h('article', { class: 'card series', 'data-series': x.key },
    h('h2', null, x.name),
    h('p', { class: 'muted' }, `${x.parties.join(' · ')}${x.names.length > 1 ? ` · also called ${x.names.filter((n) => n !== x.name).join('; ')}` : ''}`),
    timeline(x, today),
    h('table', { class: 'rounds' },
      h('thead', null, h('tr', null, ['Round', 'Date', 'Venue', 'Co-chairs', 'Gap', 'Reports'].map((t) => h('th', { scope: 'col' }, t)))),
      h('tbody', null,
        x.rounds.map((r) => h('tr', null,
          h('td', null, r.round !== null ? String(r.round) : '?'),
          h('td', { class: 'nowrap' }, r.date ?? '—'),
          h('td', null, r.placeName ?? '—'),
          h('td', null, r.cochairs.join(', ') || '—'),
          h('td', null, r.gap ?? ''),
          h('td', { class: 'sources' }, r.sources.map((d) => h('a', { href: href('report', d) }, d))))),
        x.next ? h('tr', { class: `next st-row-${x.next.status}` },
          h('td', null, x.next.round !== null ? String(x.next.round) : 'next'),
          h('td', { class: 'nowrap' }, x.next.due ?? '—'),
          h('td', null, x.next.placeName ?? '—'),
          h('td', null, h('span', { class: `badge st-${x.next.status === 'held' ? 'fulfilled' : x.next.status === 'pending' ? 'open' : 'overdue'}` }, `announced: ${x.next.status}`)),
          h('td', null, ''),
          h('td', null, h('a', { href: href('report', x.next.announcedIn) }, x.next.announcedIn))) : null)),
    x.missing.length ? h('p', { class: 'note info' }, `No report tells of round${x.missing.length > 1 ? 's' : ''} ${x.missing.join(', ')}.`) : null);
}

function timeline(x: SeriesHistory, today: string): Element {
  const dated = x.rounds.filter((r) => r.date);
  const next = x.next?.due && x.next.status !== 'held' ? x.next : null;
  if (!dated.length && !next) return note('No dated rounds.');
  const times = [...dated.map((r) => toTime(r.date!)), ...(next ? [toTime(next.due!)] : [])];
  const year = 365.25 * 86_400_000;
  const t0 = Math.min(...times) - year / 2;
  const t1 = Math.max(...times) + year / 2;
  const W = 900;
  const H = 130;
  const x0 = 30;
  const x1 = W - 30;
  const X = (t: number) => x0 + ((t - t0) / (t1 - t0)) * (x1 - x0);
  const svg = s('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': `rounds of ${x.name} on a time line`, class: 'series-line' });
  svg.append(s('line', { x1: x0, x2: x1, y1: 60, y2: 60, class: 'axis' }));
  for (let y = new Date(t0).getUTCFullYear() + 1; Date.UTC(y, 0, 1) <= t1; y++) {
    const tx = X(Date.UTC(y, 0, 1));
    svg.append(s('line', { x1: tx, x2: tx, y1: 55, y2: 65, class: 'axis' }), s('text', { x: tx, y: 80, class: 'tick', 'text-anchor': 'middle' }, String(y)));
  }
  const tt = toTime(today);
  if (tt >= t0 && tt <= t1) svg.append(s('line', { x1: X(tt), x2: X(tt), y1: 32, y2: 90, class: 'today' }), s('text', { x: X(tt), y: 28, class: 'tick today-label', 'text-anchor': 'middle' }, `today ${today}`));
  dated.forEach((r, i) => {
    const cx = X(toTime(r.date!));
    const up = i % 2 === 0;
    svg.append(s('g', { class: 'round' },
      s('circle', { cx, cy: 60, r: 7 }),
      s('text', { x: cx, y: up ? 44 : 120, 'text-anchor': 'middle', class: 'label' }, `${r.round !== null ? `R${r.round}` : 'R?'} ${r.placeName ?? ''}`),
      s('title', null, `round ${r.round ?? '?'}: ${r.date}${r.placeName ? `, ${r.placeName}` : ''}${r.cochairs.length ? `; co-chairs ${r.cochairs.join(', ')}` : ''}`)));
  });
  if (next) {
    const cx = X(toTime(next.due!));
    svg.append(s('g', { class: `round next st-${next.status}` },
      s('circle', { cx, cy: 60, r: 7 }),
      s('text', { x: cx, y: 44, 'text-anchor': 'middle', class: 'label' }, `${next.round !== null ? `R${next.round}` : 'next'} ${next.placeName ?? ''} (${next.status})`),
      s('title', null, `announced in ${next.announcedIn}: round ${next.round ?? '?'} due ${next.due}${next.placeName ? ` in ${next.placeName}` : ''} — ${next.status}`)));
  }
  return svg;
}
