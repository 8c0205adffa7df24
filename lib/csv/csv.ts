/**
 * CSV for every export (audit log, open data): RFC 4180 with a choice of separator, and the
 * spreadsheet formula-injection guard: a cell starting with = + - @ (or a tab / carriage
 * return, which some spreadsheets skip) is prefixed with an apostrophe so that it is read as
 * text, never evaluated. Pure, unit-tested.
 *
 * Separator: the comma of RFC 4180, or the semicolon that spreadsheets expect where the comma
 * is the decimal mark (French, German, Russian… settings open a comma file as one column).
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export type CsvSeparator = ',' | ';';

export function csvCell(value: unknown, sep: CsvSeparator = ','): string {
  let s = value === null || value === undefined ? '' : value instanceof Date ? value.toISOString() : String(value);
  if (FORMULA_START.test(s)) s = `'${s}`;
  if (s.includes(sep) || /[",\r\n]/.test(s) || s !== s.trim()) s = `"${s.replaceAll('"', '""')}"`;
  return s;
}

export function csvRow(values: readonly unknown[], sep: CsvSeparator = ','): string {
  return values.map((v) => csvCell(v, sep)).join(sep) + '\r\n';
}

/** `?sep=semicolon` asks for the semicolon variant; anything else is the comma. */
export function csvSeparator(param: string | null | undefined): CsvSeparator {
  return param === 'semicolon' ? ';' : ',';
}

/**
 * A file name that says what the file holds: `jesuisinternet-<what>-<from>-<to>[-semicolon].csv`
 * (days as YYYY-MM-DD; an open end is "start" or the day of the export).
 */
export function csvFilename(what: string, period: { from?: string; to?: string }, sep: CsvSeparator): string {
  return `jesuisinternet-${what}-${period.from ?? 'start'}-${period.to ?? 'now'}${sep === ';' ? '-semicolon' : ''}.csv`;
}

/** The Content-Disposition of a CSV download. */
export function csvDisposition(filename: string): string {
  return `attachment; filename="${filename.replace(/[^A-Za-z0-9._-]/g, '_')}"`;
}
