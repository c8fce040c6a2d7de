// Hash routes: #/report/DOC?event=ID, #/events?actor=PAK, #/relations?dyad=PAK-CHN … so every
// view can be linked to, and the back button works.

export interface Route {
  view: string;
  arg: string | null;
  params: URLSearchParams;
}

export function parseRoute(hash: string): Route {
  const h = hash.replace(/^#\/?/, '');
  const q = h.indexOf('?');
  const path = q >= 0 ? h.slice(0, q) : h;
  const params = new URLSearchParams(q >= 0 ? h.slice(q + 1) : '');
  const [view, ...rest] = path.split('/');
  let arg: string | null = null;
  if (rest.length) {
    try {
      arg = decodeURIComponent(rest.join('/'));
    } catch {
      arg = rest.join('/');
    }
  }
  return { view: view || 'report', arg, params };
}

export function href(view: string, arg?: string | null, params?: Record<string, string | number | boolean | null | undefined>): string {
  let s = `#/${view}`;
  if (arg) s += `/${encodeURIComponent(arg)}`;
  const u = new URLSearchParams();
  for (const [k, v] of Object.entries(params ?? {})) if (v !== undefined && v !== null && v !== '' && v !== false) u.set(k, String(v));
  const qs = u.toString();
  return qs ? `${s}?${qs}` : s;
}

export function go(view: string, arg?: string | null, params?: Record<string, string | number | boolean | null | undefined>): void {
  location.hash = href(view, arg, params);
}
