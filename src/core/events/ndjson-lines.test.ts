import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { byteStream } from '#test/builders';
import { forEachLine, LineError } from './ndjson-lines.ts';

async function linesOf(bytes: Uint8Array, chunkSize: number): Promise<string[]> {
  const out: string[] = [];
  await forEachLine(byteStream(bytes, chunkSize), (text) => out.push(text));
  return out;
}

// Lines of ASCII, 2-, 3- and 4-byte characters (é, €, 😀), to be cut anywhere by the chunking.
const lineArb = fc
  .array(fc.constantFrom('a', '{', '"', 'é', '€', '😀', ' '), { maxLength: 12 })
  .map((cs) => cs.join(''));

describe('forEachLine', () => {
  it('gives the same lines however the bytes are chunked', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(lineArb, { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 1, max: 9 }),
        async (lines, size) => {
          const text = lines.join('\n');
          // Every piece before a newline is a line; the last piece only when it is not empty.
          const expected = text.split('\n');
          if (expected.at(-1) === '') expected.pop();
          expect(await linesOf(new TextEncoder().encode(text), size)).toEqual(expected);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('reports the line and byte offset of an invalid byte however the bytes are chunked', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(lineArb, { minLength: 1, maxLength: 8 }),
        fc.nat(),
        fc.constantFrom(0xff, 0xc0, 0x80, 0xfe),
        fc.integer({ min: 1, max: 9 }),
        async (lines, at, bad, size) => {
          // Put the bad byte between two characters (never inside one), and count by hand where it is.
          const text = lines.join('\n');
          const chars = [...text];
          const cut = at % (chars.length + 1);
          const before = new TextEncoder().encode(chars.slice(0, cut).join(''));
          const after = new TextEncoder().encode(chars.slice(cut).join(''));
          const bytes = new Uint8Array([...before, bad, ...after]);
          const line = 1 + chars.slice(0, cut).filter((c) => c === '\n').length;
          const err = await linesOf(bytes, size).then(
            () => null,
            (e: unknown) => e,
          );
          expect(err).toBeInstanceOf(LineError);
          const { line: l, field, reason } = err as LineError;
          expect([l, field, reason]).toEqual([
            line,
            '(encoding)',
            `invalid UTF-8 at byte offset ${before.length}`,
          ]);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('drops a trailing CR and a leading BOM', async () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('a\r\nb\r\n')]);
    expect(await linesOf(bytes, 2)).toEqual(['a', 'b']);
  });
});
