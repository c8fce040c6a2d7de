// Compare: two statements side by side — claims (stances, commitments, events) the same in
// both, changed in strength or wording, only in the first, only in the second.
import { h, put, note } from '../dom.js';
import { get, documents, type Claim, type Comparison, type DocumentSummary } from '../api.js';
import { go, href, type Route } from '../route.js';

function picker(id: string, label: string, list: DocumentSummary[], value: string): [HTMLElement, HTMLSelectElement] {
  const sel = h('select', { id, name: id },
    h('option', { value: '' }, '— choose a document —'),
    list.map((d) => h('option', { value: d.id }, `${d.published ?? 'undated'} · ${d.title || d.id}`)));
  sel.value = value;
  return [h('label', { class: 'field wide' }, h('span', null, label), sel), sel];
}

function claim(c: Claim, changes?: string[]): HTMLElement {
  return h('div', { class: `claim k-${c.kind}` },
    h('div', null, h('span', { class: 'badge' }, c.kind), ' ', h('strong', null, c.label)),
    c.qualifiers.length ? h('div', { class: 'muted' }, `qualifiers: ${c.qualifiers.join(', ')}`) : null,
    c.wording.length ? h('div', { class: 'muted' }, `wording: ${c.wording.join('; ')}`) : null,
    c.due ? h('div', { class: 'muted' }, `due ${c.due}`) : null,
    c.evidence.map((e) => h('blockquote', { class: 'evidence' }, e)),
    changes?.length ? h('ul', { class: 'changes' }, changes.map((x) => h('li', null, x))) : null);
}

export async function compareView(root: HTMLElement, route: Route): Promise<void> {
  const list = await documents();
  const a = route.params.get('a') ?? '';
  const b = route.params.get('b') ?? '';
  const [fa, sa] = picker('cmp-a', 'Earlier statement (A)', list, a);
  const [fb, sb] = picker('cmp-b', 'Later statement (B)', list, b);
  const form = h('form', { class: 'filters' }, fa, fb,
    h('div', { class: 'buttons' },
      h('button', { type: 'submit', class: 'primary' }, 'Compare'),
      h('button', { type: 'button', onclick: () => go('compare', null, { a: sb.value, b: sa.value }) }, 'Swap')));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    go('compare', null, { a: sa.value, b: sb.value });
  });
  if (!a || !b) {
    put(root, h('section', null, h('h1', null, 'Compare'), form, note('Choose two documents, for example two rounds of one dialogue.')));
    return;
  }
  let c: Comparison;
  try {
    c = await get<Comparison>('compare', { a, b });
  } catch (e) {
    put(root, h('section', null, h('h1', null, 'Compare'), form, note((e as Error).message, 'error')));
    return;
  }
  const head = (d: Comparison['a'], tag: string) => h('h3', null, `${tag}: `, h('a', { href: href('report', d.id) }, d.title || d.id), h('span', { class: 'muted' }, ` ${d.published ?? 'undated'}`));
  const pairs = (title: string, cls: string, rows: Comparison['same']) => rows.length
    ? [h('h2', null, `${title} (${rows.length})`), h('div', { class: `pairs ${cls}` }, rows.map((p) => h('div', { class: 'pair' }, claim(p.a), claim(p.b, p.changes))))]
    : null;
  put(root, h('section', null,
    h('h1', null, 'Compare'),
    form,
    h('div', { class: 'pair heads' }, head(c.a, 'A'), head(c.b, 'B')),
    h('p', { class: 'summary' }, `${c.changed.length} changed · ${c.same.length} the same · ${c.onlyA.length} only in A · ${c.onlyB.length} only in B`),
    pairs('Changed', 'changed', c.changed),
    (c.onlyA.length || c.onlyB.length) ? [
      h('h2', null, 'Only in one'),
      h('div', { class: 'pair' },
        h('div', { class: 'only only-a' }, h('h3', null, `only in A (${c.onlyA.length})`), c.onlyA.map((x) => claim(x))),
        h('div', { class: 'only only-b' }, h('h3', null, `only in B (${c.onlyB.length})`), c.onlyB.map((x) => claim(x))))] : null,
    pairs('The same in both', 'same', c.same)));
}
