// Small typed arrays cut from shared blocks. A typed array of its own allocates its memory
// outside the JS heap, which costs more (about 0.6 µs on the bench machine) than filling a few
// hundred numbers; every document needs several per stage. A block lives as long as any array
// cut from it; each array is handed out once, so it starts zeroed like a new one.

type Typed = Int32Array | Uint8Array;

/** Numbers per block: 64 KB of Int32. Larger requests get an array of their own. */
const BLOCK = 1 << 14;

/** Cuts arrays of one type from blocks made by `make`. */
class Blocks<A extends Typed> {
  private block: A;
  private at = 0;

  constructor(private make: (n: number) => A) {
    this.block = make(BLOCK);
  }

  cut(n: number): A {
    if (n > BLOCK >> 3) return this.make(n);
    if (this.at + n > BLOCK) {
      this.block = this.make(BLOCK);
      this.at = 0;
    }
    const a = this.block.subarray(this.at, this.at + n) as A;
    this.at += n;
    return a;
  }
}

const int32Blocks = new Blocks((n) => new Int32Array(n));
const uint8Blocks = new Blocks((n) => new Uint8Array(n));

/** A zeroed Int32Array of length n. */
export function int32s(n: number): Int32Array {
  return int32Blocks.cut(n);
}

/** A zeroed Uint8Array of length n. */
export function uint8s(n: number): Uint8Array {
  return uint8Blocks.cut(n);
}

/** The first n numbers of `from`, in an array of their own length cut from a block. */
export function copied<A extends Typed>(from: A, n: number): A {
  const a = (from instanceof Uint8Array ? uint8s(n) : int32s(n)) as A;
  a.set(from.subarray(0, n));
  return a;
}

/** Spans of tokens (a kind, the first token, one past the last) built in buffers kept from
 * document to document, and copied out at their count (chunks, clauses). */
export class SpanBuffers {
  kind = new Uint8Array(1024);
  first = new Int32Array(1024);
  end = new Int32Array(1024);

  /** Room for n spans. */
  reserve(n: number): void {
    if (this.first.length >= n) return;
    this.kind = new Uint8Array(2 * n);
    this.first = new Int32Array(2 * n);
    this.end = new Int32Array(2 * n);
  }

  /** The first n spans, each list at its length. */
  done(n: number): { kind: Uint8Array; first: Int32Array; end: Int32Array } {
    return { kind: copied(this.kind, n), first: copied(this.first, n), end: copied(this.end, n) };
  }
}

/** A copy of `a` at least `atLeast` long (twice as long at least), for buffers that grow. */
export function grown<A extends Typed>(a: A, atLeast = 0): A {
  let size = Math.max(1, 2 * a.length);
  while (size < atLeast) size *= 2;
  const b = new (a.constructor as new (n: number) => A)(size);
  b.set(a);
  return b;
}
