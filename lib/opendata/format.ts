/**
 * Open data formats: CSV (RFC 4180, UTF-8 with BOM for spreadsheets) and JSON, written row by
 * row so that a stream never holds more than one batch. Pure functions, unit-tested.
 */
import { csvCell, csvRow, type CsvSeparator } from '../csv/csv';

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

/** One CSV field (lib/csv: RFC 4180, formula-injection guard). */
export const csvField = (value: string | number | null | undefined, sep: CsvSeparator = ',') => csvCell(value, sep);

export function csvHeader(sep: CsvSeparator = ','): string {
  return '\ufeff' + csvRow(COLUMNS, sep);
}

export function csvRecord(r: OpenDataRow, sep: CsvSeparator = ','): string {
  return csvRow(COLUMNS.map((c) => r[c]), sep);
}

/** The days the file covers, in Paris: the opening of the consultation to its last day (or today while it is open). */
export function openDataPeriod(opensAt: Date, closesAt: Date, at: Date): { from: string; to: string } {
  const day = (d: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' }).format(d);
  const last = new Date(Math.min(closesAt.getTime() - 1, at.getTime()));
  return { from: day(opensAt), to: day(last) };
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
