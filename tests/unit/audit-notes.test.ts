import { describe, expect, it } from 'vitest';
import { createTranslator } from 'next-intl';
import fr from '../../messages/fr.json';
import ar from '../../messages/ar.json';
import { auditNoteText, noteParamsOf } from '../../lib/moderation/audit-notes';
import { languageNameWithScript } from '../../lib/i18n/language-name';

const translators = (locale: 'fr' | 'ar', messages: typeof fr) => ({
  note: createTranslator({ locale, messages, namespace: 'AuditNote' }),
  moderators: createTranslator({ locale, messages, namespace: 'AdminModerators' }),
  language: (c: string) => languageNameWithScript(c, locale),
});

describe('audit notes in the reader’s language', () => {
  const row = (noteCode: string | null, noteParams: Record<string, unknown> | null, note: string | null = null) => ({
    noteCode,
    noteParams,
    note,
  });
  it('renders system notes from their code and parameters', () => {
    const t = translators('fr', fr);
    expect(auditNoteText(row('translationSaved', { locale: 'de', change: 'new' }), t)).toBe('Traduction en allemand : nouvelle');
    expect(auditNoteText(row('autoHidden', { count: 3 }), t)).toBe('Masquée après 3 signalements');
    expect(auditNoteText(row('passwordReset', { generated: true }), t)).toBe('Mot de passe réinitialisé (généré)');
    expect(auditNoteText(row('moderatorUpdated', { role: 'ADMIN', disabled: true }), t)).toBe(`Rôle → ${fr.AdminModerators.roles.ADMIN}; Compte désactivé`);
  });
  it('in Arabic, with its plural forms', () => {
    const t = translators('ar', ar as typeof fr);
    expect(auditNoteText(row('translationSaved', { locale: 'de', change: 'new' }), t)).toBe('ترجمة إلى الألمانية: جديدة');
    expect(auditNoteText(row('autoHidden', { count: 2 }), t)).toBe('أُخفيت بعد بلاغين');
  });
  it('shows what a moderator typed as written, after a system note if any', () => {
    const t = translators('fr', fr);
    expect(auditNoteText(row(null, null, 'Même texte ailleurs.'), t)).toBe('Même texte ailleurs.');
    expect(auditNoteText(row('autoHidden', { count: 1 }, 'vu'), t)).toBe('Masquée après 1 signalement — vu');
    expect(auditNoteText(row(null, null), t)).toBe('');
  });
  it('reads parameters only from a JSON object', () => {
    expect(noteParamsOf({ a: 1 })).toEqual({ a: 1 });
    expect(noteParamsOf([1])).toBeNull();
    expect(noteParamsOf('x')).toBeNull();
    expect(noteParamsOf(null)).toBeNull();
  });
});
