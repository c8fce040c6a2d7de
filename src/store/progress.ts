// The ingest progress line on stderr — documents per second, events, share done and time
// left — drawn only when stderr is a terminal, so logs and pipes never see it.
import type { IngestProgress } from './ingest.js';

export function formatDuration(s: number): string {
  if (!Number.isFinite(s) || s < 0) return '?';
  if (s < 60) return `${Math.round(s)}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${String(Math.round(s % 60)).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}

const n = (x: number) => Math.round(x).toLocaleString('en-US');

export function progressLine(p: IngestProgress, seconds: number, totalBytes: number | null): string {
  const rate = p.documents / Math.max(seconds, 1e-3);
  let line = `ingest: ${n(p.documents)} docs · ${n(rate)} docs/s · ${n(p.events)} events`;
  if (totalBytes) {
    // text bytes undercount the input (JSON escapes, metadata): cap the share below 100 %
    const share = Math.min(0.99, p.textBytes / totalBytes);
    const eta = share > 0 ? (seconds / share) * (1 - share) : NaN;
    const width = 20;
    const filled = Math.round(share * width);
    line = `[${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${Math.floor(share * 100)}% ${line} · ETA ${formatDuration(eta)}`;
  }
  return line;
}

export class ProgressBar {
  private start = Date.now();
  private drawn = false;

  constructor(private stream: NodeJS.WriteStream, private totalBytes: number | null) {}

  update(p: IngestProgress): void {
    const line = progressLine(p, (Date.now() - this.start) / 1000, this.totalBytes);
    const width = this.stream.columns || 100;
    this.stream.write('\r' + line.slice(0, width - 1).padEnd(Math.min(width - 1, line.length + 2)));
    this.drawn = true;
  }

  done(): void {
    if (this.drawn) this.stream.write('\r\x1b[K');
    this.drawn = false;
  }
}
