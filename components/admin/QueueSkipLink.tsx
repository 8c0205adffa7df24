'use client';

import { usePathname } from 'next/navigation';

/**
 * On the queue page, a skip link over the back office's navigation and the filters, straight
 * to the list (#queue, focusable): a keyboard user reaches the first item in a few Tab stops.
 */
export function QueueSkipLink({ label }: { label: string }) {
  const path = usePathname();
  if (!/^\/[a-z]{2}\/admin\/?$/.test(path ?? '')) return null;
  return (
    <a href="#queue" className="skip-link">
      {label}
    </a>
  );
}
