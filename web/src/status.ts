// The line in the header: how many documents the knowledge base holds.
import { get, type Info } from './api.js';
import { put } from './dom.js';

export async function refreshStatus(): Promise<Info | null> {
  const status = document.getElementById('status');
  try {
    const info = await get<Info>('info');
    if (status) put(status, `${info.documents} document${info.documents === 1 ? '' : 's'} · entente ${info.version}`);
    return info;
  } catch {
    if (status) put(status, 'the server does not answer');
    return null;
  }
}

let flash: string | null = null;
/** A message the next view shows once (e.g. "stored" after a write that navigates). */
export function setFlash(message: string): void {
  flash = message;
}
export function takeFlash(): string | null {
  const f = flash;
  flash = null;
  return f;
}
