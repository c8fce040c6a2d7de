// Writing to stdout with back-pressure, so that piping a large batch into `head` or a slow
// consumer neither buffers everything in memory nor crashes on a closed pipe.
import { once } from 'node:events';

let closed = false;
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') closed = true;
  else throw err;
});

export async function writeOut(text: string): Promise<void> {
  if (closed) return;
  if (!process.stdout.write(text)) await Promise.race([once(process.stdout, 'drain'), once(process.stdout, 'close')]);
}

export function stdoutClosed(): boolean {
  return closed;
}

/** One line on stderr naming the document and the reason. */
export function report(origin: string, reason: string, kind: 'error' | 'warning' = 'error'): void {
  process.stderr.write(`entente: ${kind}: ${origin}: ${reason}\n`);
}
