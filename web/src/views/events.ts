// Events: the stored events with the CLI's filters (on the server), a page at a time, sortable
// by any column (within the page), and the whole filtered set as CSV.
import { h, put, note, fmtNumber } from '../dom.js';
import { get, cameoCodes, queryString, type EventPage, type EventRecord } from '../api.js';
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

type SortKey = 'day' | 'source' | 'target' | 'code' | 'quad' | 'goldstein' | 'plover' | 'place' | 'evidence';
const COLUMNS: { key: SortKey; label: string; value: (e: EventRecord) => string | number }[] = [
  { key: 'day', label: 'Day', value: (e) => e.day },
  { key: 'source', label: 'Source', value: (e) => e.source.code },
  { key: 'target', label: 'Target', value: (e) => e.target?.code ?? '' },
  { key: 'code', label: 'CAMEO', value: (e) => e.code },
  { key: 'quad', label: 'Quad', value: (e) => e.quadClass },
  { key: 'goldstein', label: 'Goldstein', value: (e) => e.goldstein },
  { key: 'plover', label: 'PLOVER', value: (e) => e.plover ?? '' },
  { key: 'place', label: 'Place', value: (e) => e.place?.name ?? '' },
  { key: 'evidence', label: 'Evidence', value: (e) => e.evidence.text },
];

export async function eventsView(root: HTMLElement, route: Route): Promise<void> {
  const p = route.params;
  const filters: Record<string, string> = {};
  for (const k of KEYS) {
    const v = p.get(k);
    if (v) filters[k] = v;
  }
  const offset = Math.max(0, Number(p.get('offset') ?? 0) || 0);
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
    go('events', null, next);
  });

  const params = { ...filters, limit: PAGE, offset };
  let page: EventPage;
  try {
    page = await get<EventPage>('events', params);
  } catch (e) {
    put(root, h('section', null, h('h1', null, 'Events'), form, note((e as Error).message, 'error')));
    return;
  }
  const exportHref = `/api/export${queryString({ ...filters, format: 'csv' })}`;

  let sortKey: SortKey = 'day';
  let ascending = true;
  const tbody = h('tbody');
  const heads = COLUMNS.map((c) => {
    const th = h('th', { scope: 'col', 'aria-sort': c.key === sortKey ? 'ascending' : 'none', 'data-sort': c.key },
      h('button', { type: 'button', class: 'sort', onclick: () => sortBy(c.key) }, c.label));
    return th;
  });
  const rowsOf = (events: EventRecord[]) => events.map((e) => h('tr', { class: quadClass(e.quadClass), 'data-event': e.id },
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

  function sortBy(key: SortKey): void {
    ascending = key === sortKey ? !ascending : true;
    sortKey = key;
    const col = COLUMNS.find((c) => c.key === key)!;
    const sorted = [...page.events].sort((x, y) => {
      const a = col.value(x);
      const b = col.value(y);
      const c = typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b));
      return (ascending ? c : -c) || x.id.localeCompare(y.id);
    });
    for (const th of heads) th.setAttribute('aria-sort', th.getAttribute('data-sort') === key ? (ascending ? 'ascending' : 'descending') : 'none');
    put(tbody, rowsOf(sorted));
  }
  put(tbody, rowsOf(page.events));

  const pager = h('p', { class: 'pager' },
    `${page.total} events`, page.total > PAGE ? ` · ${offset + 1}–${Math.min(offset + PAGE, page.total)}` : '',
    offset > 0 ? h('a', { href: href('events', null, { ...filters, offset: Math.max(0, offset - PAGE) }) }, '← previous') : null,
    offset + PAGE < page.total ? h('a', { href: href('events', null, { ...filters, offset: offset + PAGE }) }, 'next →') : null,
    h('a', { href: exportHref, download: 'entente-events.csv', class: 'button', id: 'export-csv' }, 'Export CSV'),
    h('span', { class: 'muted' }, ' (every matching event; sorting applies to this page)'));

  put(root, h('section', null,
    h('h1', null, 'Events'),
    form,
    pager,
    page.events.length
      ? h('div', { class: 'table-wrap' }, h('table', { class: 'events', id: 'events-table' }, h('thead', null, h('tr', null, heads)), tbody))
      : note('No events match these filters.')));
}
