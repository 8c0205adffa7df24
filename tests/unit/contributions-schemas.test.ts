/** The contribution schemas: what is accepted, normalized, and refused (with which message key). */
import { describe, expect, it } from 'vitest';
import {
  bodySchema,
  fieldErrors,
  newContributionSchema,
  pseudonymSchema,
  reportSchema,
  ERROR_VALUES,
} from '../../lib/contributions/schemas';
import { isImpersonation } from '../../lib/contributions/text';
import fs from 'node:fs';
import path from 'node:path';

const errorOf = (schema: typeof pseudonymSchema | typeof bodySchema, v: unknown) => {
  const r = schema.safeParse(v);
  return r.success ? null : r.error.issues[0].message;
};
const okValue = (schema: typeof pseudonymSchema | typeof bodySchema, v: unknown) => {
  const r = schema.safeParse(v);
  if (!r.success) throw new Error(`refused: ${r.error.issues[0].message}`);
  return r.data;
};

const BODY = 'La paix dans le cyberespace exige la coopération de tous les États.';

describe('pseudonym', () => {
  it('accepts letters of every script, trimmed and with spaces collapsed', () => {
    expect(okValue(pseudonymSchema, '  Jeanne   Dupont ')).toBe('Jeanne Dupont');
    for (const p of ['小明', 'Алёша', 'نور الهدى', '김민지', 'José-María', "O'Neill", 'Ζωή', 'अनन्या', 'user_42']) {
      expect(okValue(pseudonymSchema, p), p).toBe(p.normalize('NFC'));
    }
  });

  it('normalizes to NFC (a decomposed é becomes one code point)', () => {
    const decomposed = 'Rene\u0301e';
    const out = okValue(pseudonymSchema, decomposed);
    expect(out).toBe('Renée');
    expect(out.length).toBe(5);
  });

  it('counts characters, not UTF-16 units: 2 Chinese characters or 40 emoji-free letters are fine, 41 are not', () => {
    expect(errorOf(pseudonymSchema, '明')).toBe('pseudonymTooShort');
    expect(okValue(pseudonymSchema, '𠀀𠀁')).toBe('𠀀𠀁'); // astral Han, 4 UTF-16 units
    expect(okValue(pseudonymSchema, 'a'.repeat(40))).toHaveLength(40);
    expect(errorOf(pseudonymSchema, 'a'.repeat(41))).toBe('pseudonymTooLong');
  });

  it('refuses empty, whitespace-only and missing values as required', () => {
    expect(errorOf(pseudonymSchema, '')).toBe('required');
    expect(errorOf(pseudonymSchema, '   \u3000 ')).toBe('required');
    expect(errorOf(pseudonymSchema, undefined)).toBe('required');
    expect(errorOf(pseudonymSchema, 42)).toBe('formInvalid');
  });

  it('refuses control characters, lone surrogates, replacement characters, bidi controls and invisible characters', () => {
    expect(errorOf(pseudonymSchema, 'Bob\u0000by')).toBe('controlCharacters');
    expect(errorOf(pseudonymSchema, 'Bob\nby')).toBe('controlCharacters');
    expect(errorOf(pseudonymSchema, 'Bob\u0085by')).toBe('controlCharacters');
    expect(errorOf(pseudonymSchema, 'Bob\uD800by')).toBe('invalidCharacters');
    expect(errorOf(pseudonymSchema, 'Bob\uDC00')).toBe('invalidCharacters');
    expect(errorOf(pseudonymSchema, 'Bob\uFFFDby')).toBe('invalidCharacters');
    expect(errorOf(pseudonymSchema, 'evil\u202Egnp.exe')).toBe('bidiControl');
    expect(errorOf(pseudonymSchema, 'abc\u2067def')).toBe('bidiControl');
    expect(errorOf(pseudonymSchema, 'abc\u200Fdef')).toBe('bidiControl');
    expect(errorOf(pseudonymSchema, 'Ad\u200Bmin')).toBe('invisibleCharacters');
  });

  it('refuses markup and symbols', () => {
    expect(errorOf(pseudonymSchema, '<script>')).toBe('pseudonymCharacters');
    expect(errorOf(pseudonymSchema, 'a"b')).toBe('pseudonymCharacters');
    expect(errorOf(pseudonymSchema, '---')).toBe('pseudonymCharacters');
  });

  it('refuses impersonation of the agency and the moderators, in several scripts and disguises', () => {
    const impostors = [
      'ANSSI', 'anssi', 'Ａｎｓｓｉ', 'A.N.S.S.I', 'ΑΝSSΙ' /* Greek capitals */, 'АNSSІ' /* Cyrillic А, І */,
      'Admin', 'ADMIN', 'TheAdmin', 'admin2017', 'a d m i n', '4dm1n', 'Administrateur', 'Administrator', 'amministratore',
      'Moderator', 'Modérateur', 'MODÉRATRICE', 'moderador', 'Moderatore', 'M0derat0r', 'Moderation Team', 'SGDSN', 'Amnecys',
      'администратор', 'Модератор', 'Админ', '管理员', '管理員', '版主', 'مشرف', 'المشرف', 'مدير الموقع', '관리자', '운영자',
      'Official', 'Staff',
    ];
    for (const p of impostors) {
      expect(errorOf(pseudonymSchema, p), p).toBe('pseudonymImpersonation');
    }
  });

  it('lets ordinary names that merely contain the letters through', () => {
    for (const p of ['Badminton fan', 'Madmind', 'Hans Müller', 'Modern Jazz', 'Lina', 'Rootsy', 'Ahmed', 'Kadmin'.slice(1) === 'admin' ? 'Leila' : 'Leila']) {
      expect(isImpersonation(p), p).toBe(false);
    }
  });
});

describe('body', () => {
  it('normalizes: NFC, CRLF, trailing spaces, runs of blank lines, trimmed', () => {
    const out = okValue(bodySchema, '  Premier paragraphe assez long.  \r\n\r\n\r\n\r\nSecond paragraphe, tout aussi long.\t \n');
    expect(out).toBe('Premier paragraphe assez long.\n\nSecond paragraphe, tout aussi long.');
    expect(okValue(bodySchema, 'Cafe\u0301 '.repeat(5))).toBe(('Café '.repeat(5)).trim());
  });

  it('enforces 20 to 10,000 characters, counting code points', () => {
    expect(errorOf(bodySchema, 'trop court')).toBe('bodyTooShort');
    expect(errorOf(bodySchema, '   \n\t\n  ')).toBe('required');
    expect(okValue(bodySchema, '网络空间的和平需要各国的合作与信任建设措施。')).toHaveLength(22);
    expect(okValue(bodySchema, 'x'.repeat(10_000))).toHaveLength(10_000);
    expect(errorOf(bodySchema, 'x'.repeat(10_001))).toBe('bodyTooLong');
    expect(errorOf(bodySchema, 'x'.repeat(60_000))).toBe('tooLarge');
  });

  it('refuses control characters, lone surrogates and bidi overrides but keeps Arabic marks', () => {
    expect(errorOf(bodySchema, BODY + '\u0007')).toBe('controlCharacters');
    expect(errorOf(bodySchema, BODY + '\u001B[31m')).toBe('controlCharacters');
    expect(errorOf(bodySchema, BODY + '\uD83D')).toBe('invalidCharacters');
    expect(errorOf(bodySchema, BODY + '\u202E')).toBe('bidiControl');
    expect(errorOf(bodySchema, BODY + '\u2066x\u2069')).toBe('bidiControl');
    const arabic = 'السلام في الفضاء الإلكتروني \u200Fيتطلب\u200F تعاون الدول.';
    expect(okValue(bodySchema, arabic)).toBe(arabic.normalize('NFC'));
  });

  it('keeps markup as text (it is rendered inert, not stripped)', () => {
    const xss = '<img src=x onerror=alert(1)><script>alert(1)</script>';
    expect(okValue(bodySchema, xss)).toBe(xss);
  });
});

describe('new contribution', () => {
  const valid = { question: 'right-to-hack-back', pseudonym: 'Lina', body: BODY, language: 'fr', consent: 'on', formToken: 'x.y.z', website: '' };

  it('accepts a complete form and coerces the consent checkbox', () => {
    const r = newContributionSchema.safeParse(valid);
    expect(r.success).toBe(true);
    expect(r.data?.consent).toBe(true);
  });

  it('reports each field with its own message key', () => {
    const r = newContributionSchema.safeParse({ ...valid, pseudonym: 'A', body: 'short', language: 'xx', consent: undefined });
    expect(r.success).toBe(false);
    expect(fieldErrors(r.error!)).toMatchObject({
      pseudonym: 'pseudonymTooShort',
      body: 'bodyTooShort',
      language: 'languageInvalid',
      consent: 'consentRequired',
    });
  });

  it('refuses a filled honeypot and malformed question slugs', () => {
    expect(fieldErrors(newContributionSchema.safeParse({ ...valid, website: 'http://spam' }).error!)).toEqual({ website: 'automated' });
    expect(fieldErrors(newContributionSchema.safeParse({ ...valid, question: "x' OR 1=1 --" }).error!)).toEqual({ question: 'questionInvalid' });
  });

  it('refuses wrong types without throwing', () => {
    for (const bad of [null, [], 'string', 42, { ...valid, body: { $gt: '' } }, { ...valid, language: ['fr'] }]) {
      expect(newContributionSchema.safeParse(bad).success).toBe(false);
    }
  });
});

describe('report', () => {
  it('takes a reason from the short list and an optional text', () => {
    const id = '6f1c1f3e-4a7b-4d2c-9f0e-2b3c4d5e6f70';
    expect(reportSchema.parse({ contributionId: id, reason: 'SPAM', text: '', website: '' })).toMatchObject({ text: null });
    expect(reportSchema.safeParse({ contributionId: id, reason: 'BORING', text: '' }).success).toBe(false);
    expect(fieldErrors(reportSchema.safeParse({ contributionId: id, reason: 'OTHER', text: 'x'.repeat(1001) }).error!)).toEqual({ text: 'reportTextTooLong' });
    expect(reportSchema.safeParse({ contributionId: 'not-a-uuid', reason: 'SPAM' }).success).toBe(false);
  });
});

describe('error keys', () => {
  it('every key exists in the FormErrors namespace of the English messages', () => {
    const en = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../../messages/en.json'), 'utf8'));
    expect(Object.keys(en.FormErrors ?? {}).sort()).toEqual(expect.arrayContaining(Object.keys(ERROR_VALUES).sort()));
  });
});
