// Serving the built page (Vite's output, dist/web): index.html at /, hashed assets under
// /assets/ cached for good; nothing outside the folder, no directory listings.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { extname, join, resolve, sep } from 'node:path';
import type { FastifyReply } from 'fastify';
import { PACKAGE_ROOT } from '../lexicon/files.js';
import { HttpError } from './errors.js';

/** Where `npm run build:web` puts the page. */
export const DEFAULT_WEB_ROOT = join(PACKAGE_ROOT, 'dist', 'web');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

export function webRootReady(root: string): boolean {
  return existsSync(join(root, 'index.html'));
}

/** Sends the file at URL path `path` from `root`, or throws a 404. */
export function sendStatic(reply: FastifyReply, root: string, path: string): FastifyReply {
  let rel: string;
  try {
    rel = decodeURIComponent(path.split('?')[0]);
  } catch {
    throw new HttpError(400, 'malformed path');
  }
  if (rel === '/' || rel === '') rel = '/index.html';
  if (rel.includes('\0')) throw new HttpError(400, 'malformed path');
  const base = resolve(root);
  const file = resolve(base, '.' + rel);
  if (file !== base && !file.startsWith(base + sep)) throw new HttpError(404, `no such page: ${path}`);
  const type = TYPES[extname(file).toLowerCase()];
  let st;
  try {
    st = statSync(file);
  } catch {
    st = null;
  }
  if (!st?.isFile() || !type) {
    if (rel === '/index.html') {
      throw new HttpError(503, 'the web page is not built: run `npm run build:web` (the API under /api/ works without it)');
    }
    throw new HttpError(404, `no such page: ${path}`);
  }
  const immutable = rel.startsWith('/assets/');
  return reply
    .type(type)
    .header('content-length', String(st.size))
    .header('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache')
    .send(createReadStream(file));
}
