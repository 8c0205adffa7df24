/**
 * Text hygiene for what contributors type: normalization (NFC) and the checks that refuse
 * characters that could hide, spoof or break text (control characters, lone surrogates,
 * replacement characters from invalid UTF-8, bidi overrides), and pseudonyms that impersonate
 * the moderators or the agencies. Pure functions: used by the zod schemas on the client and
 * on the server alike.
 */

/** C0 controls but tab and line feed (carriage returns are normalized first), DEL, C1 controls. */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/u;
/** Any C0/C1 control, including tab and line breaks (pseudonyms are one line). */
const CONTROL_STRICT = /[\u0000-\u001F\u007F-\u009F\u2028\u2029]/u;
/** Lone (unpaired) UTF-16 surrogates: not text, cannot be encoded as UTF-8. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** U+FFFD appears when invalid UTF-8 was decoded leniently; noncharacters U+FFFE/FFFF. */
const REPLACEMENT = /[\uFFFD\uFFFE\uFFFF]/u;
/** Explicit embeddings, overrides and isolates (the "Trojan source" characters). */
const BIDI_OVERRIDE = /[\u202A-\u202E\u2066-\u2069]/u;
/** Also the implicit marks: refused in pseudonyms only (Arabic prose may legitimately use them). */
const BIDI_ANY = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;
/** Invisible characters that only serve to disguise a pseudonym. */
const INVISIBLE = /[\u00AD\u034F\u115F\u1160\u17B4\u17B5\u180E\u200B\u2060-\u2064\u3164\uFEFF\uFFA0]/u;
/** What a pseudonym may contain: letters and marks of any script, digits, spaces, a few signs. */
const PSEUDONYM_ALLOWED = /^[\p{L}\p{M}\p{N} \-_.'’·・\u200C\u200D]+$/u;

export type TextProblem = 'invalidCharacters' | 'controlCharacters' | 'bidiControl' | 'invisibleCharacters';

/** Length in Unicode code points (what a person counts as characters, roughly). */
export function codePointLength(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

export function hasLoneSurrogate(s: string): boolean {
  return LONE_SURROGATE.test(s);
}

/** The first problem found in a contribution's text (before normalization), or null. */
export function bodyProblem(raw: string): TextProblem | null {
  if (LONE_SURROGATE.test(raw) || REPLACEMENT.test(raw)) return 'invalidCharacters';
  if (CONTROL.test(raw.replace(/\r\n?/g, '\n'))) return 'controlCharacters';
  if (BIDI_OVERRIDE.test(raw)) return 'bidiControl';
  return null;
}

/** The first problem found in a pseudonym (before normalization), or null. */
export function pseudonymProblem(raw: string): TextProblem | null {
  if (LONE_SURROGATE.test(raw) || REPLACEMENT.test(raw)) return 'invalidCharacters';
  if (CONTROL_STRICT.test(raw)) return 'controlCharacters';
  if (BIDI_ANY.test(raw)) return 'bidiControl';
  if (INVISIBLE.test(raw)) return 'invisibleCharacters';
  return null;
}

/** NFC, trimmed, internal runs of spaces collapsed to one. */
export function normalizePseudonym(raw: string): string {
  return raw.normalize('NFC').replace(/[\s\u3000]+/gu, ' ').trim();
}

/** NFC, line breaks as \n, trailing spaces removed from lines, at most one blank line in a row, trimmed. */
export function normalizeBody(raw: string): string {
  return raw
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(/\t/g, '    ')
    .replace(/[^\S\n]+$/gmu, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

export function isAllowedPseudonym(normalized: string): boolean {
  return PSEUDONYM_ALLOWED.test(normalized) && /[\p{L}\p{N}]/u.test(normalized);
}

// ─── Impersonation ──────────────────────────────────────────────────────────

/** Look-alike letters from other scripts and digits folded to Latin, for the comparison only. */
const CONFUSABLES: Record<string, string> = {
  а: 'a', в: 'b', е: 'e', ё: 'e', к: 'k', м: 'm', н: 'h', о: 'o', р: 'p', с: 'c', т: 't', у: 'y', х: 'x',
  і: 'i', ї: 'i', ј: 'j', ѕ: 's', ԁ: 'd', ո: 'n', ѵ: 'v', ɑ: 'a', ı: 'i', ł: 'l', ø: 'o', ß: 'ss',
  α: 'a', β: 'b', ε: 'e', ι: 'i', κ: 'k', ν: 'v', ο: 'o', ρ: 'p', τ: 't', υ: 'u', χ: 'x', μ: 'm', η: 'n',
  '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '$': 's', '@': 'a', '!': 'i', '|': 'l',
};

/** Capitals that look like Latin capitals (folded before lowercasing: Greek Ν is N, its ν is not). */
const CAPITAL_CONFUSABLES: Record<string, string> = {
  Α: 'A', Β: 'B', Ε: 'E', Ζ: 'Z', Η: 'H', Ι: 'I', Κ: 'K', Μ: 'M', Ν: 'N', Ο: 'O', Ρ: 'P', Τ: 'T', Υ: 'Y', Χ: 'X',
  А: 'A', В: 'B', Е: 'E', К: 'K', М: 'M', Н: 'H', О: 'O', Р: 'P', С: 'C', Т: 'T', Х: 'X', І: 'I', Ѕ: 'S', Ј: 'J',
};

/** Names that belong to the organisers and the moderators, in the scripts of the platform. */
const CONTAINED = [
  // Latin (after folding diacritics and look-alikes)
  'anssi', 'sgdsn', 'amnecys', 'administrat', 'amministrat', 'moderator', 'moderateur', 'moderatrice',
  'moderador', 'moderatore', 'moderatori', 'moderation', 'moderacao', 'moderacion', 'webmaster', 'sysop',
  // Cyrillic (kept as such: the folded form of these words is not Latin)
  'модератор', 'администратор', 'админ', 'анссі', 'анси',
  // Chinese (simplified and traditional), Korean, Arabic
  '管理员', '管理員', '管理者', '版主', '审核员', '審核員', '主持人', '官方',
  '관리자', '운영자', '모더레이터', '어드민', '운영진', '검토자',
  'مشرف', 'المشرف', 'مدير', 'ادمن', 'اداره', 'مراقب',
];
/** Short stems refused only as the start of a word (so "badminton" stays possible). */
const WORD_START = ['admin', 'official', 'officiel'];
/** Stems caught when spelled out letter by letter ("a d m i n", "M-O-D"). */
const SPELLED = ['admin', 'anssi', 'modo', 'mod'];
const WHOLE_WORD = new Set(['mod', 'root', 'staff', 'team', 'equipe', 'support', 'official', 'officiel', 'offiziell', 'oficial', 'ufficiale']);

function fold(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .normalize('NFC') // recompose what is not a mark (Hangul syllables)
    .split('')
    .map((c) => CAPITAL_CONFUSABLES[c] ?? c)
    .join('')
    .toLowerCase()
    .replace(/[أإآٱ]/g, 'ا')
    .replace(/ة/g, 'ه')
    .replace(/ى/g, 'ي')
    .replace(/[\u200C\u200D\u0640]/g, '') // ZWNJ, ZWJ, tatweel
    .split('')
    .map((c) => CONFUSABLES[c] ?? c)
    .join('');
}

/** The reserved names and stems, by the rule that applies to each (see reservedIn()). */
export interface ReservedNames {
  contained: readonly string[];
  wordStart: readonly string[];
  spelled: readonly string[];
  wholeWord: ReadonlySet<string>;
  /** Refused at the start or the end of the whole pseudonym: "TheAdmin", "AdminTeam". */
  glued: readonly string[];
}

export const RESERVED: ReservedNames = { contained: CONTAINED, wordStart: WORD_START, spelled: SPELLED, wholeWord: WHOLE_WORD, glued: ['admin'] };

/**
 * Whether a normalized pseudonym (`folded`, split into words on anything but letters and digits)
 * holds a reserved name by its rule; `names` are normalized the same way. `extra` is compared
 * like `contained` (the Cyrillic words before look-alike folding).
 */
export function reservedIn(folded: string, names: ReservedNames, extra = ''): boolean {
  const words = folded.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const compact = words.join('');
  if (names.contained.some((w) => compact.includes(w) || (extra !== '' && extra.includes(w)))) return true;
  if (words.some((w) => names.wholeWord.has(w))) return true;
  if (words.some((w) => names.wordStart.some((s) => w.startsWith(s)))) return true;
  // Spelled out with separators: "a d m i n", "M-o-d".
  if (words.length > 1 && words.every((w) => codePointLength(w) <= 2) && names.spelled.some((s) => compact.startsWith(s))) return true;
  // Glued to another word: "TheAdmin", "SiteAdmin", "AdminTeam".
  return names.glued.some((g) => compact.startsWith(g) || compact.endsWith(g));
}

/**
 * True when a pseudonym claims to be the agency, the organisers or a moderator/administrator,
 * whatever the case, the accents, look-alike letters or separators ("A.d.m.i.n", "ΑΝSSΙ",
 * "Modérateur", "администратор", "管理员", "مشرف", "관리자"). Light enough for the browser; the
 * server also compares Unicode confusable skeletons (lib/contributions/confusables.ts).
 */
export function isImpersonation(pseudonym: string): boolean {
  // Cyrillic words are checked before look-alike folding turned some letters Latin.
  const cyr = pseudonym.normalize('NFKD').replace(/\p{M}+/gu, '').normalize('NFC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
  return reservedIn(fold(pseudonym), RESERVED, cyr);
}
