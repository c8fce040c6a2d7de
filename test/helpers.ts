// Shared by the tests: running the real command line, validating its output against the
// published JSON Schema, and finding ../shared (tests that need it skip and say why).
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';

export const ROOT = resolve(import.meta.dirname, '..');
export const SHARED = resolve(ROOT, '..', 'shared');
export const SEED = resolve(SHARED, 'corpus', 'pak-chn-strategic-dialogue-2026-01-05.txt');
export const SEED_GOLD = resolve(SHARED, 'corpus', 'pak-chn-strategic-dialogue-2026-01-05.gold.jsonl');
export const DEV_DOCS = resolve(SHARED, 'corpus', 'dev', 'docs.jsonl');
export const DEV_GOLD = resolve(SHARED, 'corpus', 'dev', 'gold.jsonl');
export const HAVE_SHARED = existsSync(SEED) && existsSync(DEV_DOCS);
/** Appended to the names of tests that read ../shared, so a skip says why. */
export const NEEDS_SHARED = HAVE_SHARED ? '' : ' (skipped: ../shared/corpus is absent in this checkout)';

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], input?: string | Buffer): Promise<Run> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [resolve(ROOT, 'bin', 'entente.js'), ...args], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d) => (stderr += d));
    child.on('error', fail);
    child.on('close', (code) => done({ code: code ?? -1, stdout, stderr }));
    if (input !== undefined) child.stdin.end(input);
    else child.stdin.end();
  });
}

const ajv = new (Ajv2020 as unknown as typeof Ajv2020.default)({ allErrors: true, strict: false });
const validate = ajv.compile(JSON.parse(readFileSync(resolve(ROOT, 'schema', 'analysis.schema.json'), 'utf8')));

/** Problems with one analysis: schema violations, and spans whose text is not the text at their offsets. */
export function analysisProblems(a: any): string[] {
  const problems: string[] = [];
  if (!validate(a)) problems.push(...(validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`));
  const text: string = a.text ?? '';
  const check = (where: string, s: { start: number; end: number; text: string }) => {
    if (text.slice(s.start, s.end) !== s.text) problems.push(`${where}: text at [${s.start}, ${s.end}) is not "${s.text}"`);
  };
  a.sentences?.forEach((s: any, i: number) => {
    check(`sentence ${i}`, s);
    if (s.index !== i) problems.push(`sentence ${i} has index ${s.index}`);
  });
  a.mentions?.forEach((m: any, i: number) => check(`mention ${i}`, m));
  a.events?.forEach((e: any, i: number) => {
    check(`event ${i} trigger`, e.trigger);
    check(`event ${i} source`, e.source);
    if (e.target) check(`event ${i} target`, e.target);
    if (!a.sentences[e.sentence]) problems.push(`event ${i} points at no sentence`);
  });
  const refs = new Set((a.actors ?? []).map((x: any) => x.ref));
  a.mentions?.forEach((m: any, i: number) => {
    if (m.kind === 'actor' && !refs.has(m.ref)) problems.push(`actor mention ${i} has unknown ref ${m.ref}`);
  });
  return problems;
}

export function parseLines(stdout: string): any[] {
  return stdout
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l));
}
