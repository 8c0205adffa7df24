'use client';
import { useEffect, useRef, useState, useTransition } from 'react';
import { suggestLanguageAction } from '@/lib/contributions/actions';
import { LIMITS } from '@/lib/contributions/rules';
import { codePointLength } from '@/lib/contributions/text';
import type { Locale } from '@/lib/i18n/config';

/**
 * The language the text seems to be written in, asked to the server as the contributor types
 * (debounced, once the text is long enough). Until the language is chosen by hand it follows
 * the text (`follow`, and `autoNote` says so); afterwards it is only `suggested`.
 */
export function useLanguageSuggestion(body: string, chosenByHand: boolean, follow: (language: Locale) => void) {
  const [suggestion, setSuggestion] = useState<Locale | null>(null);
  const [autoNote, setAutoNote] = useState<Locale | null>(null);
  const [, startTransition] = useTransition();
  const followRef = useRef(follow);
  useEffect(() => {
    followRef.current = follow;
  });
  const longEnough = codePointLength(body.trim()) >= LIMITS.body.min;
  useEffect(() => {
    if (!longEnough) return;
    const timer = setTimeout(() => {
      startTransition(async () => {
        try {
          const guess = await suggestLanguageAction(body.slice(0, 2000));
          const language = guess.reliable ? guess.language : null;
          setSuggestion(language);
          if (language && !chosenByHand) {
            followRef.current(language);
            setAutoNote(language);
          }
        } catch {
          setSuggestion(null);
        }
      });
    }, 700);
    return () => clearTimeout(timer);
  }, [body, longEnough, chosenByHand]);
  return { suggested: longEnough ? suggestion : null, autoNote, setAutoNote };
}
