/** Any CSV or XLSX through a column mapping (SPEC §10): the table is read, rows are mapped. */
import ExcelJS from 'exceljs';
import { readCsv } from '../common/read-csv.ts';
import { DEFAULT_ZIP_LIMITS, readZip } from '../common/read-zip.ts';
import { SIZE_CAPS } from '../common/size-caps.ts';
import type { ImportContext } from '../import-context.ts';
import { ImportError } from '../import-error.ts';
import { type Cell, MappedRowConverter } from './convert-mapped-rows.ts';
import type { MappedOptions } from './mapped-options.ts';

export async function convertMappedCsv(
  bytes: Uint8Array,
  ctx: ImportContext,
  options: MappedOptions,
): Promise<void> {
  const rows = new MappedRowConverter(ctx, options, 'CSV');
  await readCsv(bytes, 'CSV', (r, line) => rows.row(r, line));
  rows.finish();
}

/** A cell as exceljs gives it, reduced to text, number, flag or date. */
function plain(v: ExcelJS.CellValue): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  if (typeof v === 'object') {
    if ('result' in v) return plain(v.result as ExcelJS.CellValue);
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('text' in v) return String(v.text);
    if ('error' in v) return null;
  }
  return null;
}

export async function convertMappedXlsx(
  bytes: Uint8Array,
  ctx: ImportContext,
  options: MappedOptions,
): Promise<void> {
  // An XLSX is a zip: the archive checks (entries, inflated bytes, ratio) run before exceljs reads it.
  await readZip(bytes, () => true, { ...DEFAULT_ZIP_LIMITS, inflatedBytes: SIZE_CAPS.xlsxInflatedBytes });
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(
      Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length) as unknown as ExcelJS.Buffer,
    );
  } catch (err) {
    throw new ImportError('invalid_spreadsheet', `not a readable XLSX workbook: ${(err as Error).message}`);
  }
  const ws = options.sheet ? wb.getWorksheet(options.sheet) : wb.worksheets[0];
  if (!ws)
    throw new ImportError(
      'invalid_spreadsheet',
      options.sheet ? `no worksheet "${options.sheet}"` : 'the workbook has no worksheet',
      {
        field: 'sheet',
      },
    );
  const rows = new MappedRowConverter(ctx, options, `XLSX sheet "${ws.name}"`);
  ws.eachRow({ includeEmpty: false }, (row, n) => {
    const values = row.values as ExcelJS.CellValue[];
    rows.row(values.slice(1).map(plain), n);
  });
  rows.finish();
}
