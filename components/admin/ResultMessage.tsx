'use client';

import { useEffect, useRef, type ReactNode } from 'react';

/**
 * The result of what the moderator just did ("Decision recorded: hidden."), shown after the
 * redirect: a live region that takes the focus, so that the keyboard and screen-reader user
 * keeps their place (the next Tab continues from here) and hears the result.
 */
export function ResultMessage({ children, className, text }: { children: ReactNode; className?: string; text: string }) {
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, [text]);
  return (
    <p ref={ref} role="status" tabIndex={-1} className={`${className ?? ''} focus:outline-2 focus:outline-offset-2 focus:outline-brand`} data-testid="result-message">
      {children}
    </p>
  );
}
