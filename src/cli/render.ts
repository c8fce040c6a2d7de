// Text for people: a readable summary of an analysis, and each event with its evidence marked.
import type { Analysis, EventOut } from '../analysis/types.js';
import { cameoName } from '../code/cameo.js';

const useColour = process.stdout.isTTY && !process.env.NO_COLOR;
const paint = (code: string) => (s: string) => (useColour ? `\x1b[${code}m${s}\x1b[0m` : s);
const bold = paint('1');
const dim = paint('2');
const src = paint('36');
const trg = paint('35');
const trig = paint('33;1');

function actorName(a: Analysis, ref: string): string {
  return a.actors.find((x) => x.ref === ref)?.name ?? ref;
}

export function renderSummary(a: Analysis): string {
  const lines: string[] = [];
  lines.push(bold(`${a.id}`) + dim(`  ${a.format}, published ${a.published ?? 'unknown'}`));
  const headline = a.sentences.find((s) => s.role === 'headline');
  if (headline) lines.push(`  ${headline.text}`);
  const roles = new Map<string, number>();
  for (const s of a.sentences) roles.set(s.role, (roles.get(s.role) ?? 0) + 1);
  lines.push(dim(`  ${a.sentences.length} sentences (${[...roles].map(([r, n]) => `${n} ${r}`).join(', ')})`));
  const people = a.actors.filter((x) => x.person);
  const states = a.actors.filter((x) => !x.person && !x.members);
  if (people.length) lines.push(`  people: ${people.map((p) => `${p.name} (${[p.office, p.code].filter(Boolean).join(', ')})`).join('; ')}`);
  if (states.length) lines.push(`  actors: ${states.map((p) => `${p.name} ${dim(p.code)}`).join(', ')}`);
  if (a.places.length) lines.push(`  places: ${a.places.map((p) => p.name).join(', ')}`);
  if (a.issues.length) lines.push(`  issues: ${a.issues.map((p) => p.name).join(', ')}`);
  if (a.events.length) {
    lines.push(`  events: ${a.events.length}`);
    for (const e of a.events) lines.push(`    ${eventLine(a, e)}`);
  } else {
    lines.push(dim('  events: none coded'));
  }
  for (const c of a.commitments) lines.push(`  commitment: ${c.parties.join(', ')} — ${c.action}${c.due ? ` (due ${c.due})` : ''}`);
  for (const w of a.warnings) lines.push(dim(`  note: ${w}`));
  return lines.join('\n') + '\n\n';
}

function eventLine(a: Analysis, e: EventOut): string {
  const who = `${e.source.code}${e.target ? ` → ${e.target.code}` : ''}`;
  const flags = [e.negated ? 'negated' : '', e.modality !== 'asserted' ? e.modality : ''].filter(Boolean).join(', ');
  return `${who.padEnd(16)} ${e.code} ${cameoName(e.code)}${flags ? dim(` [${flags}]`) : ''}  ${dim(`“${e.trigger.text}”, s${e.sentence}`)}`;
}

/** The sentence with the trigger, source and target marked: [S …], [T …], <… >. */
function markSentence(a: Analysis, e: EventOut): string {
  const s = a.sentences[e.sentence];
  const marks: Array<{ at: number; text: string }> = [];
  const span = (start: number, end: number, open: string, close: string, col: (x: string) => string) => {
    if (start < s.start || end > s.end) return;
    marks.push({ at: start, text: col(open) }, { at: end, text: col(close) });
  };
  span(e.source.start, e.source.end, '[S ', ']', src);
  if (e.target) span(e.target.start, e.target.end, '[T ', ']', trg);
  span(e.trigger.start, e.trigger.end, '<', '>', trig);
  marks.sort((x, y) => x.at - y.at);
  let out = '';
  let pos = s.start;
  for (const m of marks) {
    out += a.text.slice(pos, m.at) + m.text;
    pos = m.at;
  }
  return out + a.text.slice(pos, s.end);
}

export function renderExplain(a: Analysis): string {
  const lines: string[] = [bold(a.id)];
  if (!a.events.length) lines.push(dim('  no events coded'));
  for (const e of a.events) {
    lines.push('');
    lines.push(`  ${bold(e.id)}  ${e.source.code} (${actorName(a, e.source.ref)})${e.target ? ` → ${e.target.code} (${actorName(a, e.target.ref)})` : ' → no target'}`);
    lines.push(`  ${e.code} ${cameoName(e.code)} · root ${e.root} · quad ${e.quadClass} · Goldstein ${e.goldstein} · PLOVER ${e.plover ?? '-'}`);
    lines.push(`  pattern “${e.pattern}” · ${e.modality}${e.negated ? ' · negated' : ''} · confidence ${e.confidence.toFixed(2)}${e.date ? ` · date ${e.date}` : ''}${e.place ? ` · place ${e.place}` : ''}`);
    if (e.why) lines.push(`  why: ${e.why}`);
    lines.push(`  ${markSentence(a, e)}`);
  }
  return lines.join('\n') + '\n';
}
