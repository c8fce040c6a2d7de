// Commitments: what was promised, by whom and by when — open, due, overdue or fulfilled (with
// the later report that shows it done) — each with the sentence that made it.
import { h, put, note } from '../dom.js';
import { get, type CommitmentsResponse } from '../api.js';
import { go, href, type Route } from '../route.js';

const STATUSES = ['open', 'due', 'overdue', 'fulfilled'] as const;

export async function commitmentsView(root: HTMLElement, route: Route): Promise<void> {
  const status = route.params.get('status') ?? '';
  const party = route.params.get('party') ?? '';
  const today = route.params.get('today') ?? '';
  const data = await get<CommitmentsResponse>('commitments', { status, party, today });

  const partyInput = h('input', { id: 'c-party', name: 'party', value: party, placeholder: 'PAK', maxlength: 40 });
  const todayInput = h('input', { id: 'c-today', name: 'today', type: 'date', value: today || data.today });
  const form = h('form', { class: 'filters' },
    h('label', { class: 'field' }, h('span', null, 'Party'), partyInput),
    h('label', { class: 'field' }, h('span', null, 'Judged on'), todayInput),
    h('div', { class: 'buttons' }, h('button', { type: 'submit', class: 'primary' }, 'Show')));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    go('commitments', null, { status, party: partyInput.value.trim().toUpperCase(), today: todayInput.value === data.today && !today ? '' : todayInput.value });
  });

  const tabs = h('p', { class: 'tabs', role: 'tablist' },
    h('a', { href: href('commitments', null, { party, today }), class: !status ? 'active' : undefined }, `all (${Object.values(data.counts).reduce((a, b) => a + b, 0)})`),
    STATUSES.map((st) => h('a', { href: href('commitments', null, { status: st, party, today }), class: `badge st-${st}${status === st ? ' active' : ''}` }, `${st} (${data.counts[st] ?? 0})`)));

  const rows = data.commitments.map((c) => h('tr', { class: `st-row-${c.status}` },
    h('td', null, h('span', { class: `badge st-${c.status}` }, c.status)),
    h('td', null, c.commitment.parties.join(', ')),
    h('td', null, c.commitment.action),
    h('td', { class: 'nowrap' }, c.commitment.due ?? '—'),
    h('td', null, c.placeName ?? ''),
    h('td', null,
      h('blockquote', { class: 'evidence' }, c.text),
      h('a', { href: href('report', c.doc) }, `${c.doc}`), h('span', { class: 'muted' }, ` ${c.published ?? 'undated'}, sentence ${c.commitment.sentence}`),
      c.evidence ? h('div', { class: 'fulfilled' },
        h('strong', null, `kept (${c.evidence.how}): `),
        h('q', null, c.evidence.text), ' ',
        h('a', { href: href('report', c.evidence.doc, c.evidence.event ? { event: c.evidence.event } : undefined) }, c.evidence.doc),
        h('span', { class: 'muted' }, ` ${c.evidence.published ?? ''}`)) : null)));

  put(root, h('section', null,
    h('h1', null, 'Commitments'),
    form,
    tabs,
    h('p', { class: 'muted' }, `Judged on ${data.today}: open before the due period, due during it, overdue after it, fulfilled when a later report says it was done.`),
    rows.length
      ? h('div', { class: 'table-wrap' }, h('table', { class: 'commitments', id: 'commitments-table' },
        h('thead', null, h('tr', null, ['Status', 'Parties', 'Action', 'Due', 'Place', 'Evidence'].map((t) => h('th', { scope: 'col' }, t)))),
        h('tbody', null, rows)))
      : note('No commitments match.')));
}
