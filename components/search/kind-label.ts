import type { SearchKind } from '@/lib/search/queries';

/** The message key (namespace Search) naming each kind of search result. */
export const kindKey: Record<SearchKind, 'kindQuestion' | 'kindContribution' | 'kindDocument' | 'kindProceeding' | 'kindSynthesis'> = {
  question: 'kindQuestion',
  contribution: 'kindContribution',
  document: 'kindDocument',
  proceeding: 'kindProceeding',
  synthesis: 'kindSynthesis',
};
