import type { MouseEvent, ReactNode, Ref } from 'react';

/**
 * Moves focus to a field as DKFDS's error summary does: its label (or a radio group's legend)
 * scrolled into view first, so the user sees what the field is, then the control focused without
 * scrolling again.
 */
export function focusField(e: MouseEvent<HTMLAnchorElement>, targetId: string) {
  const target = document.getElementById(targetId);
  if (!target) return;
  e.preventDefault();
  const legend = target.closest('fieldset')?.querySelector('legend');
  const label = document.querySelector(`label[for="${CSS.escape(targetId)}"]`);
  ((target as HTMLInputElement).type === 'radio' && legend
    ? legend
    : (label ?? legend ?? target)
  ).scrollIntoView({ block: 'center' });
  target.focus({ preventScroll: true });
}

/** A line of an error summary: a link to its field, or the text alone when it has no field. */
export function ErrorSummaryLine({ targetId, children }: { targetId: string | null; children: string }) {
  return (
    <li>
      {targetId ? (
        <a className="function-link" href={`#${targetId}`} onClick={(e) => focusField(e, targetId)}>
          {children}
        </a>
      ) : (
        children
      )}
    </li>
  );
}

/**
 * DKFDS's error summary: a heading saying how many problems there are, then one line per problem
 * (`ErrorSummaryLine`). The caller gives it focus when it appears (`focusRef`), so a screen reader
 * reads it.
 */
export function ErrorSummary({
  heading,
  focusRef,
  testId,
  before,
  children,
}: {
  heading: string;
  focusRef: Ref<HTMLDivElement>;
  testId: string;
  before?: ReactNode;
  children: ReactNode;
}) {
  return (
    <div
      ref={focusRef}
      tabIndex={-1}
      className="alert alert-error error-summary"
      role="alert"
      aria-atomic="true"
      data-testid={testId}
    >
      <div className="alert-body">
        <p className="alert-heading">{heading}</p>
        {before}
        <ul className="alert-text nobullet-list">{children}</ul>
      </div>
    </div>
  );
}
