/**
 * CSV reading for every CSV importer (issue 5 §5): strict UTF-8 (or BOM-marked UTF-16) checked
 * before parsing, BOM dropped, the delimiter taken from the header line (`,` `;` or tab), a cap on
 * one record's size, an unterminated quote reported with the line it opened on, ragged rows
 * accepted (missing trailing fields are empty). Records are handed over one by one with the line
 * they start on, so a million-row file never sits in memory as records.
 */
import { decodeText } from './decode-text.ts';
import { SIZE_CAPS } from './size-caps.ts';
import { tokenizeCsv } from './tokenize-csv.ts';

export type CsvRecordHandler = (record: string[], line: number) => void;

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

/**
 * Decodes CSV bytes (size already capped by the caller) and calls `onRecord` for every non-empty
 * record with its 1-based starting line. Throws `ImportError` for encoding and syntax errors.
 */
export async function readCsv(bytes: Uint8Array, what: string, onRecord: CsvRecordHandler): Promise<void> {
  const text = decodeText(bytes, what);
  const delimiter = detectDelimiter(text.slice(0, 64 * 1024).replace(/^\uFEFF/, ''));
  tokenizeCsv(text, delimiter, SIZE_CAPS.csvRecordChars, what, onRecord);
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
