import type { ReactNode } from 'react';

/**
 * A wide table in DKFDS's sideways-scrolling frame (`table--responsive-scroll`), reachable by keyboard
 * (it takes focus, so the arrow keys scroll it) and named for screen readers by `label`.
 */
export function ScrollRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table--responsive-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
