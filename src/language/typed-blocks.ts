// Small typed arrays cut from shared blocks. A typed array of its own allocates its memory
// outside the JS heap, which costs more (about 0.6 µs on the bench machine) than filling a few
// hundred numbers; every document needs several per stage. A block lives as long as any array
// cut from it; each array is handed out once, so it starts zeroed like a new one.

/** Numbers per block: 64 KB of Int32. Larger requests get an array of their own. */
const BLOCK = 1 << 14;

let int32Block = new Int32Array(BLOCK);
let int32At = 0;
let uint8Block = new Uint8Array(BLOCK);
let uint8At = 0;

/** A zeroed Int32Array of length n. */
export function int32s(n: number): Int32Array {
  if (n > BLOCK >> 3) return new Int32Array(n);
  if (int32At + n > BLOCK) {
    int32Block = new Int32Array(BLOCK);
    int32At = 0;
  }
  const a = int32Block.subarray(int32At, int32At + n);
  int32At += n;
  return a;
}

/** A zeroed Uint8Array of length n. */
export function uint8s(n: number): Uint8Array {
  if (n > BLOCK >> 3) return new Uint8Array(n);
  if (uint8At + n > BLOCK) {
    uint8Block = new Uint8Array(BLOCK);
    uint8At = 0;
  }
  const a = uint8Block.subarray(uint8At, uint8At + n);
  uint8At += n;
  return a;
}
