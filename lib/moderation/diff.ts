/**
 * What an author changed between two versions of a contribution, word by word (the `diff`
 * library; words found by Intl.Segmenter in the text's language, so that Chinese, Japanese or
 * Korean text without spaces is cut into words too). Pure, unit-tested.
 */
import { diffWords } from 'diff';
import { langTag } from '../i18n/config';

export interface DiffPart {
  kind: 'same' | 'added' | 'removed';
  text: string;
}

export function textDiff(before: string, after: string, language: string): DiffPart[] {
  const intlSegmenter = new Intl.Segmenter(langTag(language), { granularity: 'word' });
  return diffWords(before, after, { intlSegmenter }).map((c) => ({ kind: c.added ? 'added' : c.removed ? 'removed' : 'same', text: c.value }));
}

export interface Version {
  version: number;
  pseudonym: string;
  body: string;
  language: string;
  writtenAt: Date;
}

/** Each edit as a step from one version to the next (the last step ends at the current text). */
export function editSteps(revisions: Version[], current: Version): { from: Version; to: Version; parts: DiffPart[] }[] {
  const all = [...revisions, current];
  return all.slice(1).map((to, i) => ({ from: all[i], to, parts: textDiff(all[i].body, to.body, to.language) }));
}
