// Report: the text with actors, places, dates, issues and event triggers highlighted; select an
// event (in the text or the side list) to see its code, name, PLOVER type, Goldstein value,
// pattern and evidence, with its trigger, source and target marked in the text.
import { h, put, note, fmtNumber, type Child } from '../dom.js';
import { get, documents, type DocumentResponse, type EventOut, type Analysis } from '../api.js';
import { runs, type Mark } from '../highlight.js';
import { quadName, quadClass, goldsteinClass, dyadOf } from '../format.js';
import { href, type Route } from '../route.js';

const KIND_LABEL: Record<string, string> = { actor: 'actor', place: 'place', date: 'date', issue: 'issue' };

/** A link only for http(s) URLs; anything else (javascript:, data:) stays text. */
export function safeLink(url: string | null): Child {
  if (!url) return null;
  return /^https?:\/\//i.test(url) ? h('a', { href: url, rel: 'noopener noreferrer nofollow', target: '_blank' }, url) : h('span', null, url);
}

function actorName(a: Analysis, ref: string | null | undefined, code: string): string {
  const actor = ref ? a.actors.find((x) => x.ref === ref) : undefined;
  return actor ? actor.name : code;
}

function placeName(a: Analysis, ref: string | null): string | null {
  if (!ref) return null;
  return a.places.find((p) => p.ref === ref)?.name ?? ref.replace(/^place:/, '');
}

function eventTitle(e: EventOut, names: Record<string, string>): string {
  return `${e.code} ${names[e.code] ?? ''} · ${e.source.code} → ${e.target?.code ?? '—'} · PLOVER ${e.plover ?? '—'} · Goldstein ${e.goldstein} · pattern “${e.pattern}”`;
}

function docList(current: string | null, list: Awaited<ReturnType<typeof documents>>): HTMLElement {
  const filter = h('input', { type: 'search', placeholder: 'filter documents', 'aria-label': 'filter documents', class: 'doc-filter' });
  const items = list.map((d) =>
    h('li', { 'data-text': `${d.id} ${d.title ?? ''}`.toLowerCase() },
      h('a', { href: href('report', d.id), class: d.id === current ? 'current' : undefined, title: d.id },
        h('span', { class: 'doc-title' }, d.title || d.id),
        h('span', { class: 'doc-meta' }, `${d.published ?? 'undated'} · ${d.events} events`))));
  const ul = h('ul', { class: 'doc-list' }, items);
  filter.addEventListener('input', () => {
    const q = filter.value.toLowerCase().trim();
    for (const li of items) li.hidden = !!q && !(li.getAttribute('data-text') ?? '').includes(q);
  });
  return h('aside', { class: 'docs', 'aria-label': 'documents' }, h('h2', null, 'Documents'), filter, ul);
}

export async function reportView(root: HTMLElement, route: Route): Promise<void> {
  const list = await documents();
  const id = route.arg ?? list[0]?.id ?? null;
  if (!id) {
    put(root, h('div', { class: 'empty' }, note('The knowledge base holds no documents yet.'), h('p', null, h('a', { href: '#/add' }, 'Add a report'), ' or start the server with ', h('code', null, 'entente serve --ingest examples'), '.')));
    return;
  }
  let data: DocumentResponse;
  try {
    data = await get<DocumentResponse>(`documents/${encodeURIComponent(id)}`);
  } catch (e) {
    put(root, h('div', { class: 'report' }, docList(id, list), h('article', { class: 'doc' }, note((e as Error).message, 'error'))));
    return;
  }
  const a = data.analysis;
  const names = data.codeNames;
  // one stored event may be reported by several sentences of a report: the first in the text stands for it
  const storedToLocal = new Map<string, string>();
  for (const e of a.events) {
    const stored = data.eventIds[e.id];
    if (stored && !storedToLocal.has(stored)) storedToLocal.set(stored, e.id);
  }

  // ---- the text, with every mark
  const marks: Mark[] = [];
  a.mentions.forEach((m, i) => {
    const what = m.kind === 'date' ? `${m.text} → ${m.value ?? 'unresolved'}${m.note ? ` (${m.note})` : ''}`
      : m.kind === 'actor' ? `${actorName(a, m.ref, m.ref ?? '')}${m.ref ? ` (${m.ref})` : ''}`
        : m.kind === 'place' ? `${placeName(a, m.ref) ?? m.text}`
          : `${a.issues.find((x) => x.ref === m.ref)?.name ?? m.ref ?? m.text}`;
    marks.push({ start: m.start, end: m.end, cls: `m m-${m.kind}`, key: `m:${i}`, title: `${KIND_LABEL[m.kind] ?? m.kind}: ${what}` });
  });
  for (const e of a.events) {
    marks.push({ start: e.trigger.start, end: e.trigger.end, cls: `trig ${quadClass(e.quadClass)}`, key: `t:${e.id}`, title: eventTitle(e, names) });
    marks.push({ start: e.source.start, end: e.source.end, cls: '', key: `s:${e.id}` });
    if (e.target) marks.push({ start: e.target.start, end: e.target.end, cls: '', key: `o:${e.id}` });
  }
  for (const c of a.commitments) {
    const s = a.sentences[c.sentence];
    if (s) marks.push({ start: s.start, end: s.end, cls: '', key: `c:${c.sentence}` });
  }
  const byKey = new Map<string, HTMLElement[]>();
  const eventsAt = new Map<HTMLElement, string[]>();
  const text = h('div', { class: 'text', id: 'report-text' });
  for (const r of runs(marks, 0, a.text.length)) {
    const slice = a.text.slice(r.start, r.end);
    if (!r.marks.length) {
      text.append(document.createTextNode(slice));
      continue;
    }
    const cls = [...new Set(r.marks.flatMap((m) => m.cls.split(' ')).filter(Boolean))].join(' ');
    const trig = r.marks.filter((m) => m.key.startsWith('t:'));
    const titled = trig[0] ?? r.marks.find((m) => m.title);
    const el = h('span', { class: cls || undefined, title: titled?.title });
    el.textContent = slice;
    for (const m of r.marks) {
      const l = byKey.get(m.key) ?? [];
      l.push(el);
      byKey.set(m.key, l);
    }
    if (trig.length) {
      eventsAt.set(el, trig.map((m) => m.key.slice(2)));
      el.tabIndex = 0;
      el.setAttribute('role', 'button');
      el.setAttribute('data-event', trig[0].key.slice(2));
    }
    text.append(el);
  }

  // ---- the side: selected event, events, commitments, series, issues and stances
  const detail = h('section', { class: 'event-detail', 'aria-live': 'polite' }, note('Select an event in the text or the list to see its code and evidence.'));
  const eventItems = new Map<string, HTMLElement>();
  const eventList = h('ol', { class: 'event-list' }, a.events.map((e) => {
    const li = h('li', null, h('button', { type: 'button', class: `event-item ${quadClass(e.quadClass)}`, 'data-event': e.id, onclick: () => select(e.id, true) },
      h('span', { class: 'dyad' }, `${e.source.code} → ${e.target?.code ?? '—'}`),
      h('span', { class: 'code' }, e.code),
      h('span', { class: 'name' }, names[e.code] ?? ''),
      e.negated ? h('span', { class: 'flag' }, 'negated') : null,
      e.modality !== 'asserted' ? h('span', { class: 'flag' }, e.modality) : null));
    eventItems.set(e.id, li);
    return li;
  }));

  let selected: string | null = null;
  const SEL = ['sel-trigger', 'sel-source', 'sel-target', 'sel-sentence'];

  function clearSelection(): void {
    for (const el of text.querySelectorAll('.sel-trigger, .sel-source, .sel-target, .sel-sentence')) el.classList.remove(...SEL);
    for (const li of eventItems.values()) li.classList.remove('selected');
  }

  function select(eventId: string, scroll: boolean): void {
    const e = a.events.find((x) => x.id === eventId);
    if (!e) return;
    clearSelection();
    selected = e.id;
    for (const el of byKey.get(`t:${e.id}`) ?? []) el.classList.add('sel-trigger');
    for (const el of byKey.get(`s:${e.id}`) ?? []) el.classList.add('sel-source');
    for (const el of byKey.get(`o:${e.id}`) ?? []) el.classList.add('sel-target');
    eventItems.get(e.id)?.classList.add('selected');
    put(detail, eventDetail(a, e, names, data.eventIds[e.id] ?? null));
    const first = byKey.get(`t:${e.id}`)?.[0];
    if (scroll && first) first.scrollIntoView({ block: 'center', behavior: 'auto' });
    history.replaceState(null, '', href('report', a.id, { event: e.id }));
  }

  function selectCommitment(sentence: number): void {
    clearSelection();
    const els = byKey.get(`c:${sentence}`) ?? [];
    for (const el of els) el.classList.add('sel-sentence');
    els[0]?.scrollIntoView({ block: 'center', behavior: 'auto' });
  }

  text.addEventListener('click', (ev) => {
    const el = (ev.target as HTMLElement).closest('span[data-event]') as HTMLElement | null;
    if (!el) return;
    const ids = eventsAt.get(el) ?? [];
    // several events may share a trigger (PAK → CHN and CHN → PAK): clicking again shows the next
    const at = selected ? ids.indexOf(selected) : -1;
    select(ids[(at + 1) % ids.length], false);
  });
  text.addEventListener('keydown', (ev) => {
    if (ev.key !== 'Enter' && ev.key !== ' ') return;
    const el = (ev.target as HTMLElement).closest('span[data-event]') as HTMLElement | null;
    if (!el) return;
    ev.preventDefault();
    el.click();
  });

  const commitments = a.commitments.length
    ? h('ul', { class: 'plain' }, a.commitments.map((c) => h('li', null,
      h('button', { type: 'button', class: 'link', onclick: () => selectCommitment(c.sentence) }, `${c.parties.join(', ')}: ${c.action}`),
      h('span', { class: 'muted' }, ` — due ${c.due ?? 'no date'}${c.place ? `, ${placeName(a, c.place)}` : ''}`),
      h('span', { class: `badge st-${c.status}` }, c.status))))
    : note('none');
  const series = a.series.length
    ? h('ul', { class: 'plain' }, a.series.map((s) => h('li', null,
      h('strong', null, s.name),
      h('div', { class: 'muted' }, [s.round !== null ? `round ${s.round}` : 'round ?', s.date, placeName(a, s.place), s.cochairs.length ? `co-chairs ${s.cochairs.join(', ')}` : null].filter(Boolean).join(' · ')),
      s.next ? h('div', { class: 'muted' }, `next: ${[s.next.round !== null ? `round ${s.next.round}` : null, s.next.due, placeName(a, s.next.place)].filter(Boolean).join(' · ')}`) : null)))
    : note('none');
  const issues = a.issues.length ? h('p', { class: 'chips' }, a.issues.map((i) => h('span', { class: 'chip m-issue', title: `${i.ref}: sentences ${i.sentences.join(', ')}` }, i.name))) : note('none');
  const stances = a.stances?.length
    ? h('ul', { class: 'plain' }, a.stances.map((s) => h('li', null,
      h('strong', null, s.actor), ` ${s.stance} `, a.issues.find((i) => i.ref === s.issue)?.name ?? s.issue,
      s.qualifiers.length ? h('span', { class: 'muted' }, ` (${s.qualifiers.join(', ')})`) : null)))
    : null;

  const header = h('header', { class: 'doc-head' },
    h('h1', null, a.title || a.id),
    h('p', { class: 'muted' },
      `${a.published ?? 'undated'} · ${a.id} · ${a.format} · ${a.sentences.length} sentences · ${a.events.length} events`,
      data.document.copyOf ? ` · near-duplicate of ${data.document.copyOf}` : ''),
    a.url ? h('p', { class: 'muted url' }, safeLink(a.url)) : null,
    h('p', { class: 'legend', 'aria-label': 'legend' },
      h('span', { class: 'm m-actor' }, 'actor'), h('span', { class: 'm m-place' }, 'place'), h('span', { class: 'm m-date' }, 'date'),
      h('span', { class: 'm m-issue' }, 'issue'), h('span', { class: 'trig q1' }, 'event trigger'),
      h('span', { class: 'sel-source' }, 'source'), h('span', { class: 'sel-target' }, 'target'),
      h('a', { href: href('compare', null, { a: a.id }) }, 'compare with …'),
      h('a', { href: href('events', null, { doc: a.id }) }, 'events table')),
    a.warnings.length ? h('p', { class: 'note info' }, a.warnings.join('; ')) : null);

  put(root, h('div', { class: 'report' },
    docList(a.id, list),
    h('article', { class: 'doc', 'aria-label': 'report text' }, header, text),
    h('aside', { class: 'side', 'aria-label': 'events and ledger' },
      detail,
      h('h2', null, `Events (${a.events.length})`), a.events.length ? eventList : note('No events were coded in this report.'),
      h('h2', null, `Commitments (${a.commitments.length})`), commitments,
      h('h2', null, `Series (${a.series.length})`), series,
      h('h2', null, 'Issues'), issues,
      stances ? [h('h2', null, 'Stances'), stances] : null)));

  const wanted = route.params.get('event');
  if (wanted) {
    const local = a.events.some((e) => e.id === wanted) ? wanted : storedToLocal.get(wanted);
    if (local) select(local, true);
  }
}

function eventDetail(a: Analysis, e: EventOut, names: Record<string, string>, storedId: string | null): HTMLElement {
  const sentence = a.sentences[e.sentence];
  const evidence = h('blockquote', { class: 'evidence' });
  if (sentence) {
    const marks: Mark[] = [
      { start: e.trigger.start, end: e.trigger.end, cls: 'sel-trigger', key: 't' },
      { start: e.source.start, end: e.source.end, cls: 'sel-source', key: 's' },
    ];
    if (e.target) marks.push({ start: e.target.start, end: e.target.end, cls: 'sel-target', key: 'o' });
    for (const r of runs(marks, sentence.start, sentence.end)) {
      const slice = a.text.slice(r.start, r.end);
      if (!r.marks.length) evidence.append(document.createTextNode(slice));
      else {
        const el = h('mark', { class: r.marks.map((m) => m.cls).join(' ') });
        el.textContent = slice;
        evidence.append(el);
      }
    }
  }
  const row = (k: string, v: Child) => [h('dt', null, k), h('dd', null, v)];
  const dyad = dyadOf(e.source.code, e.target?.code);
  return h('div', { class: `card ${quadClass(e.quadClass)}` },
    h('h3', null, h('span', { class: 'code' }, e.code), ' ', names[e.code] ?? ''),
    h('dl', { class: 'facts' },
      row('source → target', `${actorName(a, e.source.ref, e.source.code)} (${e.source.code}) → ${e.target ? `${actorName(a, e.target.ref, e.target.code)} (${e.target.code})` : '—'}`),
      row('CAMEO', `${e.code} ${names[e.code] ?? ''} (root ${e.root})`),
      row('PLOVER', e.plover ?? '—'),
      row('Goldstein', h('span', { class: `gs ${goldsteinClass(e.goldstein)}` }, fmtNumber(e.goldstein))),
      row('quad class', `${e.quadClass} ${quadName(e.quadClass)}`),
      row('pattern', h('code', null, e.pattern)),
      row('trigger', `“${e.trigger.text}”`),
      row('modality', `${e.modality}${e.negated ? ', negated' : ''}`),
      row('date', e.date ?? '—'),
      row('place', placeName(a, e.place) ?? '—'),
      row('confidence', fmtNumber(e.confidence, 2)),
      e.why ? row('why', e.why) : null),
    h('p', { class: 'muted' }, `sentence ${e.sentence}:`),
    evidence,
    h('p', { class: 'links' },
      h('a', { href: href('events', null, { dyad }) }, `${dyad} events`),
      e.target ? h('a', { href: href('relations', null, { dyad }) }, `${dyad} over time`) : null,
      storedId ? h('span', { class: 'muted' }, `stored as ${storedId}`) : null));
}
