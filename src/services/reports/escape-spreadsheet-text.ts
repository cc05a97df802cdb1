/**
 * A cell for a CSV or XLSX export that a spreadsheet cannot run as a formula (OWASP ASVS 1.2.10,
 * "CSV and formula injection"): a text that starts with `=`, `+`, `-`, `@`, a tab, a carriage
 * return or a NUL gets a single quote in front, so it is shown as the text it is. Numbers stay
 * numbers (a negative change is −0.25, not the text "'-0.25"), and quoting of commas and double
 * quotes is the CSV writer's job.
 */
const FORMULA_START = /^[=+\-@\t\r\0]/;

export function escapeSpreadsheetText<T extends string | number | null>(value: T): T {
  if (typeof value !== 'string' || !FORMULA_START.test(value)) return value;
  return `'${value}` as T;
}
