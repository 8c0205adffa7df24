/**
 * Open data formats: CSV (RFC 4180, UTF-8 with BOM for spreadsheets) and JSON, written row by
 * row so that a stream never holds more than one batch. Pure functions, unit-tested.
 */

export interface OpenDataRow {
  id: string;
  question_slug: string;
  question_title_fr: string;
  track: string;
  theme: string;
  language: string;
  created_at: string; // ISO 8601, UTC
  published_at: string | null;
  pseudonym: string;
  text: string;
  url: string;
  /** the licence chosen by the operator (CONTRIBUTIONS_LICENCE, SPDX identifier) */
  licence: string;
  /** "true" for the fictional contributions of the embedded demonstration set, else "false" */
  demo: 'true' | 'false';
}

export const COLUMNS: (keyof OpenDataRow)[] = [
  'id',
  'question_slug',
  'question_title_fr',
  'track',
  'theme',
  'language',
  'created_at',
  'published_at',
  'pseudonym',
  'text',
  'url',
  'licence',
  'demo',
];

/**
 * One CSV field. Quotes when needed (comma, quote, CR/LF); doubles quotes. A field that a
 * spreadsheet would take for a formula (starting with = + - @, tab or CR) gets a leading
 * apostrophe (OWASP "CSV injection"), so opening the file never runs anything.
 */
export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  let s = String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  if (/[",\r\n]/.test(s) || s !== s.trim()) s = `"${s.replace(/"/g, '""')}"`;
  return s;
}

export function csvRow(values: (string | number | null | undefined)[]): string {
  return values.map(csvField).join(',') + '\r\n';
}

export function csvHeader(): string {
  return '\ufeff' + csvRow(COLUMNS);
}

export function csvRecord(r: OpenDataRow): string {
  return csvRow(COLUMNS.map((c) => r[c]));
}

/** JSON: an object with metadata and a "contributions" array, written piece by piece. */
export function jsonOpening(meta: Record<string, unknown>): string {
  const head = JSON.stringify(meta);
  return head.slice(0, -1) + (head.length > 2 ? ',' : '') + '"contributions":[';
}

export function jsonRecord(r: OpenDataRow, first: boolean): string {
  return (first ? '\n' : ',\n') + JSON.stringify(r);
}

export const JSON_CLOSING = '\n]}\n';
