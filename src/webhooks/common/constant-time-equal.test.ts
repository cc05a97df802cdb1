import { describe, expect, it } from 'vitest';
import { constantTimeEqual } from './constant-time-equal.ts';

describe('constantTimeEqual', () => {
  it('accepts equal texts and byte strings', () => {
    expect(constantTimeEqual('sha256=ab', 'sha256=ab')).toBe(true);
    expect(constantTimeEqual(new Uint8Array([1, 2, 3]), new Uint8Array([1, 2, 3]))).toBe(true);
  });

  it('returns false for different lengths instead of throwing', () => {
    expect(constantTimeEqual('abc', 'abcd')).toBe(false);
    expect(constantTimeEqual('', 'a')).toBe(false);
    expect(constantTimeEqual(new Uint8Array(0), new Uint8Array(32))).toBe(false);
  });

  it('returns false for equal lengths that differ in one byte', () => {
    expect(constantTimeEqual('abcd', 'abce')).toBe(false);
  });

  it('compares texts as UTF-8 bytes', () => {
    expect(constantTimeEqual('é', 'e\u0301')).toBe(false);
    expect(constantTimeEqual('é', new Uint8Array([0xc3, 0xa9]))).toBe(true);
  });
});
