import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tokenizeCsv } from './tokenize-csv.ts';

function tokens(text: string, delimiter = ','): { records: string[][]; lines: number[] } {
  const records: string[][] = [];
  const lines: number[] = [];
  tokenizeCsv(text, delimiter, 1 << 20, 'CSV', (r, l) => {
    records.push(r);
    lines.push(l);
  });
  return { records, lines };
}

/** RFC 4180 writing: a field is quoted when it must be (or when `always`), quotes doubled. */
function writeCsv(records: string[][], eol: string, always: boolean, delimiter: string): string {
  return records
    .map((r) =>
      r
        .map((f) => (always || /["\r\n]/.test(f) || f.includes(delimiter) ? `"${f.replace(/"/g, '""')}"` : f))
        .join(delimiter),
    )
    .join(eol);
}

describe('tokenizeCsv', () => {
  it('agrees with csv-parse on any well-formed CSV', () => {
    const field = fc.string({
      unit: fc.constantFrom('a', 'b', ' ', ',', ';', '"', '\n', '\r\n', 'é', '🔥', '\t'),
    });
    fc.assert(
      fc.property(
        fc.array(fc.array(field, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 8 }),
        fc.constantFrom('\n', '\r\n'),
        fc.boolean(),
        fc.constantFrom(',', ';'),
        (records, eol, always, delimiter) => {
          const text = writeCsv(records, eol, always, delimiter);
          const expected = parse(text, {
            relax_column_count: true,
            skip_empty_lines: true,
            delimiter,
          }) as string[][];
          expect(tokens(text, delimiter).records).toEqual(expected);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('gives each record the line it starts on, counting line breaks inside quotes', () => {
    const { records, lines } = tokens('h1,h2\r\n\r\n"a\nb",c\nd,"e\r\n""f"""\n\rg,h');
    expect(records).toEqual([
      ['h1', 'h2'],
      ['a\nb', 'c'],
      ['d', 'e\r\n"f"'],
      ['g', 'h'],
    ]);
    expect(lines).toEqual([1, 3, 5, 8]);
  });

  it('refuses text after a closing quote and an unterminated quote, naming the line', () => {
    expect(() => tokens('a,b\n"x"y,z\n')).toThrow(
      expect.objectContaining({ code: 'invalid_csv', location: { line: 2 } }),
    );
    expect(() => tokens('a,b\nc,"never\nclosed\n')).toThrow(
      expect.objectContaining({ code: 'invalid_csv', location: { line: 2 } }),
    );
  });

  it('refuses a record over the cap', () => {
    expect(() => tokenizeCsv(`a\n${'x'.repeat(100)}\n`, ',', 50, 'CSV', () => {})).toThrow(
      expect.objectContaining({ code: 'too_large', location: { line: 2 } }),
    );
  });
});
