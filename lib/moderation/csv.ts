/**
 * CSV for the audit export (RFC 4180), with the spreadsheet formula-injection guard: a cell
 * starting with = + - @ (or a tab / carriage return, which some spreadsheets skip) is prefixed
 * with an apostrophe so that it is read as text, never evaluated.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: unknown): string {
  let s = value === null || value === undefined ? '' : value instanceof Date ? value.toISOString() : String(value);
  if (FORMULA_START.test(s)) s = `'${s}`;
  if (/[",\r\n]/.test(s) || s !== s.trim()) s = `"${s.replaceAll('"', '""')}"`;
  return s;
}

export function csvRow(values: readonly unknown[]): string {
  return values.map(csvCell).join(',') + '\r\n';
}
