// What keeps the server safe to run: response headers (Content-Security-Policy and friends), the
// write token, and checks against other web sites driving a server on the analyst's machine
// (cross-origin writes, DNS rebinding).
import { createHash, timingSafeEqual } from 'node:crypto';
import { isIP } from 'node:net';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { HttpError } from './errors.js';

/**
 * The page loads only its own scripts, styles and data: no inline script, no eval, no other
 * origin. `style-src 'self'` without 'unsafe-inline' means no style attributes in markup either.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

const HEADERS: Record<string, string> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
};

export function setSecurityHeaders(reply: FastifyReply): void {
  for (const [k, v] of Object.entries(HEADERS)) reply.header(k, v);
}

/** True for addresses only this machine can reach (127.0.0.0/8, ::1, localhost). */
export function isLoopback(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (h === 'localhost' || h === '::1' || h === '0:0:0:0:0:0:0:1') return true;
  if (isIP(h) === 4) return h.startsWith('127.');
  if (h.startsWith('::ffff:')) return isLoopback(h.slice(7));
  return false;
}

/** The host name of a Host header ("127.0.0.1:8080" → "127.0.0.1", "[::1]:80" → "::1"). */
export function hostName(hostHeader: string): string {
  const m = /^\[([^\]]+)\](?::\d+)?$/.exec(hostHeader);
  if (m) return m[1];
  const i = hostHeader.lastIndexOf(':');
  return i >= 0 && hostHeader.indexOf(':') === i ? hostHeader.slice(0, i) : hostHeader;
}

/**
 * A server bound to loopback answers only requests addressed to a loopback name: a web page
 * elsewhere cannot re-point its own domain at 127.0.0.1 (DNS rebinding) and read the store.
 */
export function checkHost(req: FastifyRequest, loopbackOnly: boolean): void {
  if (!loopbackOnly) return;
  const host = req.headers.host;
  if (!host || !isLoopback(hostName(host))) {
    throw new HttpError(421, `this server answers requests for localhost only, not for host ${JSON.stringify(host ?? '')}`);
  }
}

function digest(s: string): Buffer {
  return createHash('sha256').update(s).digest();
}

export interface WritePolicy {
  /** The token writes must carry, or null. */
  token: string | null;
  /** Whether the server listens beyond loopback (then writes without a token are refused). */
  exposed: boolean;
}

/**
 * Writes are refused when another site's page sends them (its Origin is not ours), and need
 * `Authorization: Bearer <token>` when a token is set; a server listening beyond loopback
 * without a token takes no writes at all.
 */
export function checkWrite(req: FastifyRequest, policy: WritePolicy): void {
  const origin = req.headers.origin;
  if (origin !== undefined) {
    let ok = false;
    try {
      // both through URL, so a default port ("host:80") compares equal to none
      const o = new URL(origin);
      ok = o.host === new URL(`${o.protocol}//${req.headers.host ?? ''}`).host;
    } catch {
      ok = false;
    }
    if (!ok) throw new HttpError(403, `writes from another origin (${origin}) are refused`);
  }
  if (policy.token === null) {
    if (policy.exposed) {
      throw new HttpError(403, 'writes are disabled: this server listens beyond loopback without a token (start it with --token or ENTENTE_TOKEN)');
    }
    return;
  }
  const auth = req.headers.authorization ?? '';
  const m = /^Bearer\s+(.+)$/i.exec(auth);
  if (!m) throw new HttpError(401, 'this write needs the server token: send "Authorization: Bearer <token>"', { 'www-authenticate': 'Bearer realm="entente"' });
  if (!timingSafeEqual(digest(m[1].trim()), digest(policy.token))) {
    throw new HttpError(401, 'the token is not the server token', { 'www-authenticate': 'Bearer realm="entente", error="invalid_token"' });
  }
}
