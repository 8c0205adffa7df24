/**
 * Homoglyph impersonation of the reserved names (issue 12): "ANSSl", "ANSSǀ", "ᎪNSSI", "Ꭺdmin",
 * "Ꮇoderator"… The comparison is the one UTS #39 (Unicode security mechanisms, §4) defines:
 * two strings are confusable when their skeletons are equal, skeleton(X) = NFD(map(NFD(X))) with
 * Unicode's confusables.txt prototypes (the `unhomoglyph` package ships that mapping, v13.0, and
 * applies it code point by code point; the NFD steps are ours, as the standard says).
 *
 * Skeletons are case-sensitive ("I" becomes "l", "m" becomes "rn"), and pseudonyms may be in any
 * case: the pseudonym and every reserved name (all ten languages, lib/contributions/text.ts) go
 * through the same three paths (as typed, upper-cased, lower-cased), then the word rules of
 * reservedIn() compare them. Server-side only: the mapping is 100 KB, kept out of the form's bundle.
 *
 * Our addition to Unicode's data, marked as such: letters UTS #39 does not map to Latin but that
 * read as Latin capitals in a name (Greek capital lambda as "A", the small capitals "ᴀᴅᴍɪɴ").
 */
import unhomoglyph from 'unhomoglyph';
import { RESERVED, reservedIn, type ReservedNames } from './text';

/** Ours, not Unicode's (see above). */
const READS_AS_LATIN: Record<string, string> = {
  Λ: 'A', Ʌ: 'A', ᴧ: 'A', ᴀ: 'A', ʙ: 'B', ᴄ: 'C', ᴅ: 'D', ᴇ: 'E', ꜰ: 'F', ɢ: 'G', ʜ: 'H', ɪ: 'I', ᴊ: 'J', ᴋ: 'K',
  ʟ: 'L', ᴍ: 'M', ɴ: 'N', ᴏ: 'O', ᴘ: 'P', ꞯ: 'Q', ʀ: 'R', ꜱ: 'S', ᴛ: 'T', ᴜ: 'U', ᴠ: 'V', ᴡ: 'W', ʏ: 'Y', ᴢ: 'Z',
};

/** The UTS #39 skeleton of a string. */
export function skeleton(s: string): string {
  return unhomoglyph(s.normalize('NFD')).normalize('NFD');
}

const prepare = (s: string) => Array.from(s.normalize('NFKC'), (c) => READS_AS_LATIN[c] ?? c).join('');

/** The three case paths; lower-cased at the end so that the word rules compare like with like. */
const PATHS: ((s: string) => string)[] = [
  (s) => skeleton(prepare(s)).toLowerCase(),
  (s) => skeleton(prepare(s).toUpperCase()).toLowerCase(),
  (s) => skeleton(prepare(s).toLowerCase()).toLowerCase(),
];

function reservedThrough(path: (s: string) => string): ReservedNames {
  return {
    contained: RESERVED.contained.map(path),
    wordStart: RESERVED.wordStart.map(path),
    spelled: RESERVED.spelled.map(path),
    wholeWord: new Set([...RESERVED.wholeWord].map(path)),
    glued: RESERVED.glued.map(path),
  };
}

let reserved: ReservedNames[] | undefined;

/** True when, on one of the case paths, the pseudonym's skeleton holds a reserved name's. */
export function isConfusableImpersonation(pseudonym: string): boolean {
  reserved ??= PATHS.map(reservedThrough);
  return PATHS.some((path, i) => reservedIn(path(pseudonym), reserved![i]));
}
