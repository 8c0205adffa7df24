/**
 * Homoglyph impersonation (issue 12 LOW 5): the server compares UTS #39 confusable skeletons of
 * a pseudonym with the reserved names of all ten languages (lib/contributions/confusables.ts),
 * through the zod schema that guards posting and editing.
 */
import { describe, expect, it } from 'vitest';
import { pseudonymSchema } from '../../lib/contributions/schemas';
import { isConfusableImpersonation, skeleton } from '../../lib/contributions/confusables';

const refusal = (p: string) => {
  const r = pseudonymSchema.safeParse(p);
  return r.success ? null : r.error.issues[0]?.message;
};

describe('UTS #39 skeletons', () => {
  it('maps look-alikes to the same prototype, as confusables.txt says', () => {
    expect(skeleton('ᎪNSSI')).toBe(skeleton('ANSSI'));
    expect(skeleton('ANSSǀ')).toBe(skeleton('ANSSI'));
    expect(skeleton('ANSSl')).toBe(skeleton('ANSSI'));
    expect(skeleton('Adrnin')).toBe(skeleton('Admin'));
    expect(skeleton('Ꮇoderator')).toBe(skeleton('Moderator'));
    expect(skeleton('Camille')).not.toBe(skeleton('Carnille2'));
  });
});

describe('homoglyph impersonation of reserved names', () => {
  // The issue's list, then more: Lisu, mathematical bold, fullwidth, Greek and Cyrillic capitals,
  // "rn" for "m", Cherokee, Canadian syllabics, small capitals, in the reserved names of several languages.
  const spoofs = [
    'ANSSl', 'ANSSǀ', 'ANSSꞮ', 'ᎪNSSI', 'ΛNSSI', 'Ꭺdmin', 'ᴀᴅᴍɪɴ', 'Ꮇoderator',
    'ꓮꓠꓢꓢꓲ', '𝐀𝐍𝐒𝐒𝐈', 'ＡＮＳＳＩ', 'SGDSΝ', 'АMNЕCYS', 'Adrnin', 'ᗅNSSI', 'AN5SI', 'Mοdérateur', 'ΜODERADOR',
    'Ꮪysop', 'Le Ꮇodérateur', 'ᴍᴏᴅᴇʀᴀᴛᴏʀᴇ', 'Webrnaster', 'ᎪᎠᎷIN',
  ];
  for (const p of spoofs) {
    it(`refuses ${p}`, () => {
      expect(refusal(p)).toBe('pseudonymImpersonation');
    });
  }

  it('lets ordinary names through, in every script of the platform', () => {
    const names = ['Camille', 'Anna', 'Adam', 'Amina', 'Nadia', 'Rémi', 'Badminton 75', 'Modesto', 'Lina', 'Dmitri', 'Ludmila', 'Jean-Luc', 'Iris',
      'Admiral Grace', 'Sami', 'Olga Smirnova', 'Мария', 'Алексей', '李明', '王芳', '김민준', '이서연', 'نور', 'محمد', 'Μαρία', 'Giulia', 'João', 'Ines'];
    for (const n of names) {
      expect(isConfusableImpersonation(n), n).toBe(false);
      expect(refusal(n), n).toBeNull();
    }
  });
});
