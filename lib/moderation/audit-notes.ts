/**
 * System notes of the audit log are stored as a code and parameters (ModerationEvent.noteCode,
 * noteParams) and rendered here in the reader's language, for the page and the CSV alike.
 * A note typed by a moderator (and rows older than the codes) is shown as written.
 * Pure: the caller passes the translators (next-intl's `t` of the namespaces named below).
 */
import type { Messages } from 'next-intl';
import { isOneOf } from '../one-of';
import { ORGANISATIONS, ROLES, type Organisation, type Role } from '../moderator-accounts/schemas';

/** The note of an audit row: a system note's code and parameters, and/or what a moderator typed. */
export interface AuditNoteFields {
  note: string | null;
  noteCode: string | null;
  noteParams: Record<string, unknown> | null;
}

/** noteParams as read from PostgreSQL (JSON): an object, or nothing. */
export function noteParamsOf(json: unknown): Record<string, unknown> | null {
  return json && typeof json === 'object' && !Array.isArray(json) ? (json as Record<string, unknown>) : null;
}

type Values = Record<string, string | number>;

export interface NoteTranslators {
  /** AuditNote (next-intl's `t` of that namespace) */
  note: (key: keyof Messages['AuditNote'], values?: Values) => string;
  /** AdminModerators: `roles.*`, `organisations.*` */
  moderators: (key: `roles.${Role}` | `organisations.${Organisation}`) => string;
  /** A language's name in the reader's language. */
  language: (code: string) => string;
}

const str = (v: unknown) => (typeof v === 'string' ? v : '');
const list = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
/** A stored role or organisation in the reader's language (as stored when it is not a known one). */
const roleName = (t: NoteTranslators, v: unknown) => (isOneOf(ROLES, v) ? t.moderators(`roles.${v}`) : str(v));
const organisationName = (t: NoteTranslators, v: unknown) => (isOneOf(ORGANISATIONS, v) ? t.moderators(`organisations.${v}`) : str(v));

/** The note of one audit row, in the reader's language ('' when there is none). */
export function auditNoteText(row: AuditNoteFields, t: NoteTranslators): string {
  const p = row.noteParams ?? {};
  const languages = (v: unknown) => list(v).map(t.language).join(', ') || t.note('none');
  const parts: string[] = [];
  const typed = row.note ? [row.note] : [];
  switch (row.noteCode) {
    case 'translationSaved':
      parts.push(t.note('translationSaved', { language: t.language(str(p.locale)), change: str(p.change) || 'new' }));
      break;
    case 'autoHidden':
      parts.push(t.note('autoHidden', { count: Number(p.count) || 0 }));
      break;
    case 'moderatorCreated':
      parts.push(t.note('moderatorCreated', { role: roleName(t, p.role), organisation: organisationName(t, p.organisation), languages: languages(p.languages) }));
      break;
    case 'moderatorUpdated':
      if (p.role !== undefined) parts.push(t.note('roleChanged', { role: roleName(t, p.role) }));
      if (p.organisation !== undefined) parts.push(t.note('organisationChanged', { organisation: organisationName(t, p.organisation) }));
      if (p.languages !== undefined) parts.push(t.note('languagesChanged', { languages: languages(p.languages) }));
      if (p.disabled !== undefined) parts.push(t.note(p.disabled ? 'disabled' : 'enabled'));
      break;
    case 'passwordReset':
      parts.push(t.note(p.generated ? 'passwordGenerated' : 'passwordTyped'));
      break;
  }
  return [parts.join('; '), ...typed].filter(Boolean).join(' — ');
}
