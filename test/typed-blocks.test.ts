// Typed arrays cut from shared blocks: each is zeroed and its own, whatever was cut before it.
import { describe, it, expect } from 'vitest';
import { grown, int32s, uint8s } from '../src/language/typed-blocks.js';

describe('typed blocks', () => {
  it('gives zeroed arrays of the asked length that do not overlap', () => {
    const arrays = Array.from({ length: 300 }, (_, i) => int32s(1 + (i % 50)));
    arrays.forEach((a, i) => {
      expect(a.length).toBe(1 + (i % 50));
      expect(a.every((x) => x === 0)).toBe(true);
      a.fill(i + 1);
    });
    // every array still holds what was written into it: none shares a number with another
    arrays.forEach((a, i) => expect(a.every((x) => x === i + 1)).toBe(true));
    const bytes = Array.from({ length: 300 }, () => uint8s(100));
    bytes.forEach((b, i) => b.fill(i % 256));
    bytes.forEach((b, i) => expect(b.every((x) => x === i % 256)).toBe(true));
  });

  it('gives a large request an array of its own', () => {
    const a = int32s(100000);
    expect(a.length).toBe(100000);
    expect(a.byteOffset).toBe(0);
    expect(a.buffer.byteLength).toBe(400000);
  });

  it('grows a buffer to at least twice its length, or to what is asked, keeping its numbers', () => {
    const a = Int32Array.from([1, 2, 3]);
    const b = grown(a);
    expect(b).toBeInstanceOf(Int32Array);
    expect(b.length).toBe(6);
    expect([...b.subarray(0, 3)]).toEqual([1, 2, 3]);
    const c = grown(Uint8Array.from([7]), 100);
    expect(c).toBeInstanceOf(Uint8Array);
    expect(c.length).toBeGreaterThanOrEqual(100);
    expect(c[0]).toBe(7);
  });
});
