'use client';

import { useEffect, useState } from 'react';
import { useTranslations } from 'next-intl';

interface Parts {
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
}

function split(ms: number): Parts {
  const s = Math.max(0, Math.floor(ms / 1000));
  return { days: Math.floor(s / 86_400), hours: Math.floor((s % 86_400) / 3600), minutes: Math.floor((s % 3600) / 60), seconds: s % 60 };
}

/**
 * Rendered on the server with its first value (so nothing jumps), then ticks in the browser
 * from the server's notion of now (which may be a replayed APP_CLOCK time).
 */
export function Countdown({ remainingMs }: { remainingMs: number }) {
  const t = useTranslations('Countdown');
  const [left, setLeft] = useState(remainingMs);
  useEffect(() => {
    const start = performance.now();
    const id = window.setInterval(() => setLeft(Math.max(0, remainingMs - (performance.now() - start))), 1000);
    return () => window.clearInterval(id);
  }, [remainingMs]);
  const p = split(left);
  const units = [
    ['days', p.days],
    ['hours', p.hours],
    ['minutes', p.minutes],
    ['seconds', p.seconds],
  ] as const;
  return (
    <div role="timer" aria-label={t('countdownLabel')} className="flex gap-3" data-testid="countdown">
      {units.map(([unit, value]) => (
        <div key={unit} className="min-w-16 rounded bg-brand-dark px-3 py-2 text-center text-white">
          <span className="block text-3xl font-bold tabular-nums" data-unit={unit}>
            {String(value).padStart(2, '0')}
          </span>
          <span className="block text-xs uppercase tracking-wide">{t(unit, { count: value })}</span>
        </div>
      ))}
    </div>
  );
}
