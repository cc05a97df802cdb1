/**
 * Documented size caps, checked before parsing (issue 5 §5: hostile input is the norm). Each
 * limit is named in the error a caller sees, so a user knows which one an export hit.
 */
const MiB = 1024 * 1024;

export const SIZE_CAPS = {
  /** Trello board JSON. */
  jsonBytes: 256 * MiB,
  /** Any CSV (Asana, Toggl, Clockify, Jira, mapped). */
  csvBytes: 512 * MiB,
  /** One CSV record (a row, quoted newlines included), in characters. */
  csvRecordChars: 1 * MiB,
  /** Jira XML. */
  xmlBytes: 64 * MiB,
  /** ICS calendar. */
  icsBytes: 64 * MiB,
  /** XLSX workbook (a zip; its entries are checked like any archive). */
  xlsxBytes: 64 * MiB,
  /** Bytes inflated from one XLSX workbook, all its parts together. */
  xlsxInflatedBytes: 512 * MiB,
  /** Slack export zip (compressed). */
  zipBytes: 1024 * MiB,
  /** Entries in one archive. */
  zipEntries: 50_000,
  /** Bytes inflated from one archive, all entries together. */
  zipInflatedBytes: 2048 * MiB,
  /** Bytes inflated from one entry. */
  zipEntryBytes: 256 * MiB,
  /** Inflated ÷ compressed for one entry, checked once an entry passes 1 MiB. */
  zipRatio: 100,
  /** Nesting depth of JSON arrays and objects (real exports stay under 12). */
  jsonDepth: 64,
  /** One mbox message, headers and body (bodies are skipped, never read). */
  mboxMessageBytes: 64 * MiB,
  /** The header block of one mbox message. */
  mboxHeaderBytes: 256 * 1024,
  /** Occurrences expanded from one recurring calendar event. */
  icsOccurrences: 10_000,
} as const;

/** `256 MiB` for a byte count that is a whole number of MiB, else the bytes. */
export function formatBytes(n: number): string {
  if (n >= MiB && n % MiB === 0) return `${n / MiB} MiB`;
  if (n >= 1024 && n % 1024 === 0) return `${n / 1024} KiB`;
  return `${n} bytes`;
}
