/**
 * CSV reading for every CSV importer (issue 5 §5): strict UTF-8 (or BOM-marked UTF-16) checked
 * before parsing, BOM dropped, the delimiter taken from the header line (`,` `;` or tab), a cap on
 * one record's size, an unterminated quote reported with its line, ragged rows accepted (missing
 * trailing fields are empty). Records are handed over one by one with the line they start on, so
 * a million-row file never sits in memory as records.
 */
import { isUtf8 } from 'node:buffer';
import { type CsvError, parse } from 'csv-parse';
import { ImportError } from '../import-error.ts';
import { decodeText, firstInvalidUtf8, lineAtByte } from './decode-text.ts';
import { SIZE_CAPS } from './size-caps.ts';

export type CsvRecordHandler = (record: string[], line: number) => void;

const CHUNK = 1 << 20;

function hasUtf16Bom(b: Uint8Array): boolean {
  return b.length >= 2 && ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff));
}

/** The delimiter of the header line: the most frequent of `,` `;` tab outside quotes. */
export function detectDelimiter(head: string): string {
  let inQuote = false;
  const counts = { ',': 0, ';': 0, '\t': 0 };
  for (let i = 0; i < head.length; i++) {
    const c = head[i];
    if (c === '"') inQuote = !inQuote;
    else if (!inQuote) {
      if (c === '\n' || c === '\r') break;
      if (c === ',' || c === ';' || c === '\t') counts[c]++;
    }
  }
  if (counts[';'] > counts[','] && counts[';'] >= counts['\t']) return ';';
  if (counts['\t'] > counts[',']) return '\t';
  return ',';
}

function countNewlines(record: string[]): number {
  let n = 0;
  for (const f of record) {
    let i = f.indexOf('\n');
    while (i !== -1) {
      n++;
      i = f.indexOf('\n', i + 1);
    }
  }
  return n;
}

/**
 * Parses CSV bytes (size already capped by the caller) and calls `onRecord` for every non-empty
 * record with its 1-based starting line. Throws `ImportError` for encoding and syntax errors.
 */
export async function readCsv(bytes: Uint8Array, what: string, onRecord: CsvRecordHandler): Promise<void> {
  let source: Uint8Array | string;
  if (hasUtf16Bom(bytes)) {
    source = decodeText(bytes, what);
  } else {
    if (!isUtf8(bytes)) {
      // Decoding reports the offset of the first invalid byte.
      decodeText(bytes, what);
      const at = firstInvalidUtf8(bytes);
      throw new ImportError('invalid_encoding', `${what} is not valid UTF-8 at byte offset ${at}`, {
        offset: at,
        line: lineAtByte(bytes, at),
      });
    }
    source = bytes;
  }
  const headText =
    typeof source === 'string'
      ? source.slice(0, 64 * 1024)
      : Buffer.from(source.buffer, source.byteOffset, Math.min(source.length, 64 * 1024)).toString('utf8');
  const delimiter = detectDelimiter(headText.replace(/^\uFEFF/, ''));

  let line = 1;
  let failure: ImportError | undefined;
  const parser = parse({
    bom: true,
    delimiter,
    relax_column_count: true,
    max_record_size: SIZE_CAPS.csvRecordChars,
  });
  parser.on('readable', () => {
    let rec: string[] | null = parser.read() as string[] | null;
    while (rec !== null) {
      const start = line;
      line += 1 + countNewlines(rec);
      if (!(rec.length === 1 && rec[0] === '')) {
        try {
          onRecord(rec, start);
        } catch (err) {
          failure ??= err instanceof ImportError ? err : new ImportError('invalid_csv', String(err));
          parser.destroy();
          return;
        }
      }
      rec = parser.read() as string[] | null;
    }
  });
  await new Promise<void>((resolve, reject) => {
    parser.on('end', resolve);
    parser.on('close', () => (failure ? reject(failure) : resolve()));
    parser.on('error', (err: Error) => reject(csvError(err as CsvError, what, line, source)));
    const total = source.length;
    for (let i = 0; i < total && !parser.destroyed; i += CHUNK) {
      const piece =
        typeof source === 'string'
          ? source.slice(i, i + CHUNK)
          : Buffer.from(source.buffer, source.byteOffset + i, Math.min(CHUNK, total - i));
      parser.write(piece);
    }
    if (!parser.destroyed) parser.end();
  });
  if (failure) throw failure;
}

/** Line of the quote left open at the end of the text, or undefined when every quote closes. */
function openQuoteLine(source: Uint8Array | string): number | undefined {
  const text =
    typeof source === 'string'
      ? source
      : Buffer.from(source.buffer, source.byteOffset, source.length).toString('utf8');
  let line = 1;
  let inQuote = false;
  let openedAt = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) line++;
    else if (c === 34) {
      if (!inQuote) {
        inQuote = true;
        openedAt = line;
      } else if (text.charCodeAt(i + 1) === 34) i++;
      else inQuote = false;
    }
  }
  return inQuote ? openedAt : undefined;
}

function csvError(err: CsvError, what: string, line: number, source: Uint8Array | string): ImportError {
  const at = typeof err.lines === 'number' ? err.lines : line;
  switch (err.code) {
    case 'CSV_QUOTE_NOT_CLOSED': {
      // csv-parse counts to the end of the file; name the line where the quote opened instead.
      const opened = openQuoteLine(source) ?? at;
      return new ImportError('invalid_csv', `${what}: the quote opened on line ${opened} is never closed`, {
        line: opened,
      });
    }
    case 'CSV_MAX_RECORD_SIZE':
      return new ImportError(
        'too_large',
        `${what}: a record is longer than the ${SIZE_CAPS.csvRecordChars} character limit`,
        { line: at },
      );
    default:
      return new ImportError('invalid_csv', `${what}: ${err.message}`, { line: at });
  }
}

/** Column lookup by header name: trimmed, case-insensitive, repeated names kept in order. */
export class CsvHeader {
  readonly names: string[];
  private readonly index = new Map<string, number[]>();

  constructor(record: string[]) {
    this.names = record.map((n) => n.replace(/^\uFEFF/, '').trim());
    this.names.forEach((n, i) => {
      const k = n.toLowerCase();
      const list = this.index.get(k);
      if (list) list.push(i);
      else this.index.set(k, [i]);
    });
  }

  /** Index of the first column with one of these names, or -1. */
  find(...names: string[]): number {
    for (const n of names) {
      const at = this.index.get(n.toLowerCase());
      if (at && at.length > 0) return at[0] as number;
    }
    return -1;
  }

  /** Every column with this name (Jira repeats `Labels`, `Watchers`, …). */
  all(name: string): number[] {
    return this.index.get(name.toLowerCase()) ?? [];
  }

  /** Index of the first column whose name starts with a prefix (`Amount (`), or -1. */
  findPrefix(prefix: string): number {
    const p = prefix.toLowerCase();
    return this.names.findIndex((n) => n.toLowerCase().startsWith(p));
  }
}

/** The trimmed cell, or '' when the row is shorter (ragged rows). */
export function cell(record: string[], i: number): string {
  if (i < 0) return '';
  const v = record[i];
  return v === undefined ? '' : v.trim();
}
