import { describe, expect, it } from 'vitest';
import { editSteps, textDiff } from '../../lib/moderation/diff';

const joined = (parts: { kind: string; text: string }[], kind: string) =>
  parts
    .filter((p) => p.kind === kind)
    .map((p) => p.text.trim())
    .join(' | ');

describe('what the author changed', () => {
  it('shows removed and added words, the rest unchanged', () => {
    const parts = textDiff('Les frontières existent dans les câbles sous-marins.', 'Les frontières existent dans les routes BGP.', 'fr');
    expect(joined(parts, 'removed')).toContain('câbles');
    expect(joined(parts, 'added')).toContain('routes BGP');
    expect(parts.filter((p) => p.kind !== 'added').map((p) => p.text).join('')).toBe('Les frontières existent dans les câbles sous-marins.');
    expect(parts.filter((p) => p.kind !== 'removed').map((p) => p.text).join('')).toBe('Les frontières existent dans les routes BGP.');
  });
  it('cuts Chinese text without spaces into words, not the whole sentence', () => {
    const parts = textDiff('我认为网络空间需要规则。', '我认为网络空间需要国际规则。', 'zh');
    expect(joined(parts, 'added')).toBe('国际');
    expect(joined(parts, 'removed')).toBe('');
  });
  it('makes one step per edit, the last one ending at the current text', () => {
    const v = (version: number, body: string) => ({ version, body, pseudonym: 'p', language: 'en', writtenAt: new Date(0) });
    const steps = editSteps([v(1, 'one'), v(2, 'one two')], v(3, 'one two three'));
    expect(steps.map((s) => [s.from.version, s.to.version])).toEqual([
      [1, 2],
      [2, 3],
    ]);
    expect(joined(steps[1].parts, 'added')).toBe('three');
  });
});
