'use client';

import { useEffect, useState } from 'react';
import { UNITS, type PluralLabels, type Unit } from './countdown-units';

function split(ms: number): Record<Unit, number> {
  const s = Math.max(0, Math.floor(ms / 1000));
  return { days: Math.floor(s / 86_400), hours: Math.floor((s % 86_400) / 3600), minutes: Math.floor((s % 3600) / 60), seconds: s % 60 };
}

/** The ticking part of the countdown (see Countdown.tsx): labels come translated from the server. */
export function CountdownTimer({ remainingMs, locale, label, labels }: { remainingMs: number; locale: string; label: string; labels: Record<Unit, PluralLabels> }) {
  const [left, setLeft] = useState(remainingMs);
  useEffect(() => {
    const start = performance.now();
    const id = window.setInterval(() => setLeft(Math.max(0, remainingMs - (performance.now() - start))), 1000);
    return () => window.clearInterval(id);
  }, [remainingMs]);
  const parts = split(left);
  const rules = new Intl.PluralRules(locale);
  return (
    <div role="timer" aria-label={label} className="flex gap-3" data-testid="countdown">
      {UNITS.map((unit) => {
        const value = parts[unit];
        return (
          <div key={unit} className="min-w-16 rounded bg-brand-dark px-3 py-2 text-center text-white">
            <span className="block text-3xl font-bold tabular-nums" data-unit={unit}>
              {String(value).padStart(2, '0')}
            </span>
            <span className="block text-xs uppercase tracking-wide">{labels[unit][rules.select(value)] ?? labels[unit].other}</span>
          </div>
        );
      })}
    </div>
  );
}
