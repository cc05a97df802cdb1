/**
 * A report as CSV (SPEC §8): the sections of report-table.ts one under the other, each row led by
 * its section's name, each section with its own header row; csv-stringify quotes what needs it.
 */
import { stringify } from 'csv-stringify/sync';
import type { Report } from '#shared/report-schemas';
import { type Cell, reportSections } from './report-table.ts';

export function reportCsv(r: Report): string {
  const rows: Cell[][] = [];
  for (const s of reportSections(r)) {
    rows.push(['section', ...s.header]);
    for (const row of s.rows) rows.push([s.name, ...row]);
  }
  // A BOM tells spreadsheet programs the file is UTF-8 (names with accents, the "—" of a title).
  return `\uFEFF${stringify(rows, { record_delimiter: '\r\n' })}`;
}
