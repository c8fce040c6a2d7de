// Add report: paste text (or upload a file) and see it analysed and stored; the page then
// opens the new report. The write token, when the server asks for one, stays in memory.
import { h, put, note } from '../dom.js';
import { get, postDocument, setToken, forgetDocuments, type Info, type PostResult } from '../api.js';
import { go, href, type Route } from '../route.js';
import { refreshStatus, setFlash } from '../status.js';

export async function addView(root: HTMLElement, _route: Route): Promise<void> {
  const info = await get<Info>('info');
  const text = h('textarea', { id: 'add-text', name: 'text', rows: 16, placeholder: 'Paste a report: plain text, the seed shape ( date YYYY-MM-DD … first line), JSON {published, title, text} or HTML', 'aria-label': 'report text', spellcheck: 'false' });
  const title = h('input', { id: 'add-title', name: 'title', type: 'text', maxlength: 200, placeholder: 'optional' });
  const published = h('input', { id: 'add-published', name: 'published', type: 'date' });
  const docId = h('input', { id: 'add-id', name: 'id', type: 'text', maxlength: 200, placeholder: 'optional (default: from the text)' });
  const url = h('input', { id: 'add-url', name: 'url', type: 'url', maxlength: 2000, placeholder: 'optional' });
  const file = h('input', { id: 'add-file', name: 'file', type: 'file', accept: '.txt,.json,.jsonl,.html,.htm,.xml,.rss,.atom,text/*,application/json' });
  const token = h('input', { id: 'add-token', name: 'token', type: 'password', autocomplete: 'off', placeholder: 'the server token' });
  const out = h('div', { class: 'result', 'aria-live': 'polite' });
  const submit = h('button', { type: 'submit', class: 'primary' }, 'Analyse and store');

  const field = (label: string, input: HTMLElement, hint?: string) => h('label', { class: 'field' }, h('span', null, label), input, hint ? h('small', { class: 'muted' }, hint) : null);

  const form = h('form', { class: 'add-form', novalidate: true },
    field('Report', text),
    h('div', { class: 'row' },
      field('Title', title), field('Published', published, 'relative dates ("on Monday") resolve against it'),
      field('Id', docId), field('URL', url)),
    field('…or upload a file', file, `up to ${Math.round(info.limits.maxBodyBytes / 1024)} KiB; any shape \`entente analyze\` reads`),
    info.writes.token ? field('Token', token, 'this server takes writes with its token only; it is kept in this tab\'s memory, never stored') : null,
    !info.writes.allowed ? note('This server takes no writes (it listens beyond loopback without a token).', 'error') : null,
    h('p', null, submit));

  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    if (info.writes.token) setToken(token.value);
    submit.disabled = true;
    put(out, note('Analysing …'));
    try {
      const chosen = file.files?.[0];
      let result: PostResult;
      const meta = { title: title.value.trim(), published: published.value, id: docId.value.trim(), url: url.value.trim() };
      if (chosen) {
        if (chosen.size > info.limits.maxBodyBytes) throw new Error(`${chosen.name} is larger than the server takes (${info.limits.maxBodyBytes} bytes)`);
        result = await postDocument(await chosen.arrayBuffer(), chosen.type || 'application/octet-stream', { ...meta, name: chosen.name });
      } else {
        const body = text.value;
        if (!body.trim()) throw new Error('Paste a report or choose a file first.');
        const contentType = /^\s*[{[]/.test(body) ? 'application/json' : /^\s*</.test(body) ? 'text/html' : 'text/plain; charset=utf-8';
        result = await postDocument(body, contentType, meta);
      }
      forgetDocuments();
      void refreshStatus();
      showResult(out, result);
      const first = result.documents[0];
      if (first) {
        setFlash(result.documents.map((d) => `${d.title || d.id}: ${d.status}, ${d.events} events`).join('; '));
        go('report', first.id);
      }
    } catch (e) {
      put(out, note((e as Error).message, 'error'));
    } finally {
      submit.disabled = false;
    }
  });

  put(root, h('section', { class: 'narrow' },
    h('h1', null, 'Add a report'),
    h('p', { class: 'muted' }, 'The report is analysed on the server (actors, places, dates, issues, CAMEO events, commitments, series) and stored in the knowledge base. Its text is only ever shown as text.'),
    form, out));
}

function showResult(out: HTMLElement, r: PostResult): void {
  put(out,
    h('ul', { class: 'plain' }, r.documents.map((d) => h('li', null,
      h('a', { href: href('report', d.id) }, d.title || d.id), ` — ${d.status}, ${d.sentences} sentences, ${d.events} events`))),
    r.failed.map((f) => note(`${f.origin}: ${f.reason}`, 'error')),
    r.warnings.map((w) => note(`${w.origin}: ${w.warning}`)));
}
