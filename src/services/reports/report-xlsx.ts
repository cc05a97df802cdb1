/**
 * A report as an Excel workbook (SPEC §8): a sheet per section of report-table.ts, numbers as
 * numbers with a display format per metric kind (a rate shows as a percentage, the cell holds 0.75).
 */
import ExcelJS from 'exceljs';
import { metricKind } from '#shared/format/metric-format';
import type { Report } from '#shared/report-schemas';
import { reportSections } from './report-table.ts';

// Counts keep Excel's General format: a custom '0.##' would show a whole count as "3.".
const FORMATS: Record<string, string> = { rate: '0.0%', score: '0.00', minutes: '0.0' };

export async function reportXlsx(r: Report): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Tandem';
  wb.title = r.title;
  for (const s of reportSections(r)) {
    const sheet = wb.addWorksheet(s.name);
    sheet.addRow(s.header).font = { bold: true };
    for (const cells of s.rows) {
      const row = sheet.addRow(cells);
      const metric = s.metricColumn === null ? null : cells[s.metricColumn];
      const fmt = typeof metric === 'string' ? FORMATS[metricKind(metric.replace(/^'/, ''))] : undefined;
      // The change of a rate is in points of the same scale, so it takes the rate's format too.
      if (fmt) for (const i of s.valueColumns) row.getCell(i + 1).numFmt = fmt;
    }
    sheet.columns.forEach((col, i) => {
      col.width = Math.min(48, Math.max(10, (s.header[i]?.length ?? 8) + 2));
    });
    sheet.views = [{ state: 'frozen', ySplit: 1 }];
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
