// Events: the stored events with the CLI's filters, a page at a time, sorted by a column (all
// on the server, so the order runs across pages), and the whole filtered set as CSV.
import { h, put, note, fmtNumber } from '../dom.js';
import { get, cameoCodes, queryString, type EventPage, type EventSortKey, type NamedEvent } from '../api.js';
import { ROOT_NAMES, quadClass, quadName, goldsteinClass, shorten } from '../format.js';
import { go, href, type Route } from '../route.js';

const FILTERS: { name: string; label: string; placeholder: string; pattern?: string }[] = [
  { name: 'actor', label: 'Actor', placeholder: 'PAK or person:wang-yi' },
  { name: 'dyad', label: 'Dyad', placeholder: 'PAK-CHN', pattern: '[^\\s>–\\-]+[>–\\-][^\\s>–\\-]+' },
  { name: 'plover', label: 'PLOVER', placeholder: 'CONSULT' },
  { name: 'issue', label: 'Issue', placeholder: 'taiwan' },
  { name: 'place', label: 'Place', placeholder: 'Beijing' },
  { name: 'from', label: 'From', placeholder: '2026-01', pattern: '\\d{4}(-\\d{2}(-\\d{2})?)?' },
  { name: 'to', label: 'To', placeholder: '2026-12', pattern: '\\d{4}(-\\d{2}(-\\d{2})?)?' },
  { name: 'doc', label: 'Document', placeholder: 'document id' },
];
const KEYS = [...FILTERS.map((f) => f.name), 'root', 'code', 'directed'];
const PAGE = 100;

// the evidence column has no sort: its text is not a column of the store's events
const COLUMNS: { key: EventSortKey | null; label: string }[] = [
  { key: 'day', label: 'Day' },
  { key: 'source', label: 'Source' },
  { key: 'target', label: 'Target' },
  { key: 'code', label: 'CAMEO' },
  { key: 'quad', label: 'Quad' },
  { key: 'goldstein', label: 'Goldstein' },
  { key: 'plover', label: 'PLOVER' },
  { key: 'place', label: 'Place' },
  { key: null, label: 'Evidence' },
];

export async function eventsView(root: HTMLElement, route: Route): Promise<void> {
  const p = route.params;
  const filters: Record<string, string> = {};
  for (const k of KEYS) {
    const v = p.get(k);
    if (v) filters[k] = v;
  }
  const offset = Math.max(0, Number(p.get('offset') ?? 0) || 0);
  const sortKey = p.get('sort') || 'day';
  const desc = p.get('desc') === 'true';
  // kept by the filter form and the pager; the server checks the key
  const order = { sort: p.get('sort') || undefined, desc };
  const codes = await cameoCodes();

  const inputs = new Map<string, HTMLInputElement | HTMLSelectElement>();
  const fields = FILTERS.map((f) => {
    const input = h('input', { name: f.name, id: `f-${f.name}`, value: filters[f.name] ?? '', placeholder: f.placeholder, pattern: f.pattern, maxlength: 200 });
    inputs.set(f.name, input);
    return h('label', { class: 'field' }, h('span', null, f.label), input);
  });
  const root_ = h('select', { name: 'root', id: 'f-root' },
    h('option', { value: '' }, 'any'),
    Object.entries(ROOT_NAMES).map(([r, name]) => h('option', { value: r }, `${r} ${name}`)));
  root_.value = filters.root ?? '';
  inputs.set('root', root_);
  const directed = h('input', { type: 'checkbox', name: 'directed', id: 'f-directed', checked: filters.directed === 'true' });

  const form = h('form', { class: 'filters', role: 'search' },
    fields.slice(0, 2), h('label', { class: 'field check' }, directed, h('span', null, 'source → target only')),
    h('label', { class: 'field' }, h('span', null, 'CAMEO root'), root_),
    fields.slice(2),
    h('div', { class: 'buttons' },
      h('button', { type: 'submit', class: 'primary' }, 'Filter'),
      h('a', { href: '#/events', class: 'button' }, 'Reset')));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const next: Record<string, string> = {};
    for (const [k, el] of inputs) if (el.value.trim()) next[k] = el.value.trim();
    if (directed.checked) next.directed = 'true';
    if (filters.code) next.code = filters.code;
    go('events', null, { ...next, ...order });
  });

  const params = { ...filters, ...order, limit: PAGE, offset };
  let page: EventPage;
  try {
    page = await get<EventPage>('events', params);
  } catch (e) {
    put(root, h('section', null, h('h1', null, 'Events'), form, note((e as Error).message, 'error')));
    return;
  }
  const exportHref = `/api/export${queryString({ ...filters, format: 'csv' })}`;

  // a header sorts every matching event from the first page; again, the other way
  const heads = COLUMNS.map(({ key, label }) => key
    ? h('th', { scope: 'col', 'aria-sort': key === sortKey ? (desc ? 'descending' : 'ascending') : 'none', 'data-sort': key },
      h('button', { type: 'button', class: 'sort', onclick: () => go('events', null, { ...filters, sort: key, desc: key === sortKey && !desc }) }, label))
    : h('th', { scope: 'col' }, label));
  const rowsOf = (events: NamedEvent[]) => events.map((e) => h('tr', { class: quadClass(e.quadClass), 'data-event': e.id },
    h('td', { class: 'nowrap' }, e.day || '—'),
    h('td', { title: e.source.name ?? '' }, e.source.code),
    h('td', { title: e.target?.name ?? '' }, e.target?.code ?? '—'),
    h('td', { title: codes.get(e.code)?.name ?? e.name }, h('span', { class: 'code' }, e.code), ' ', shorten(e.name, 40), e.negated ? h('span', { class: 'flag' }, 'negated') : null),
    h('td', { title: quadName(e.quadClass) }, h('span', { class: `badge ${quadClass(e.quadClass)}` }, String(e.quadClass))),
    h('td', { class: 'num' }, h('span', { class: `gs ${goldsteinClass(e.goldstein)}` }, fmtNumber(e.goldstein))),
    h('td', null, e.plover ?? '—'),
    h('td', null, e.place?.name ?? ''),
    h('td', { class: 'evidence-cell' },
      h('a', { href: href('report', e.evidence.doc, { event: e.id }), title: e.evidence.text }, shorten(e.evidence.text, 120)),
      h('span', { class: 'muted' }, ` ${e.evidence.doc}${e.sources > 1 ? ` · ${e.sources} reports` : ''}`))));

  const pager = h('p', { class: 'pager' },
    `${page.total} events`, page.total > PAGE ? ` · ${offset + 1}–${Math.min(offset + PAGE, page.total)}` : '',
    offset > 0 ? h('a', { href: href('events', null, { ...filters, ...order, offset: Math.max(0, offset - PAGE) }) }, '← previous') : null,
    offset + PAGE < page.total ? h('a', { href: href('events', null, { ...filters, ...order, offset: offset + PAGE }) }, 'next →') : null,
    h('a', { href: exportHref, download: 'entente-events.csv', class: 'button', id: 'export-csv' }, 'Export CSV'),
    h('span', { class: 'muted' }, ' (every matching event, by day)'));

  put(root, h('section', null,
    h('h1', null, 'Events'),
    form,
    pager,
    page.events.length
      ? h('div', { class: 'table-wrap' }, h('table', { class: 'events', id: 'events-table' }, h('thead', null, h('tr', null, heads)), h('tbody', null, rowsOf(page.events))))
      : note('No events match these filters.')));
}
