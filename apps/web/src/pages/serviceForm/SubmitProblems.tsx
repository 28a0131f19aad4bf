import type { FormEvent, Ref } from 'react';
import { Link } from 'react-router';
import type { FormError } from '@indgang/schemas';
import type { ApiError } from '../../api/apiClient';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ErrorSummary, ErrorSummaryLine } from '../../components/ErrorSummary';
import { useCatalogText } from '../../components/CatalogText';
import { useI18n } from '../../i18n/I18nProvider';
import type { LocatedError } from './formErrors';

/** A duplicate refusal's data: the open case it names. */
function openCase(error: ApiError): { caseId: string; caseNumber: string } | null {
  const data = error.body.data;
  return typeof data?.caseId === 'string' && typeof data.caseNumber === 'string'
    ? { caseId: data.caseId, caseNumber: data.caseNumber }
    : null;
}

/**
 * Why the form was not sent: a possible duplicate (with the way to the open case, or to send anyway),
 * the DKFDS error summary of the fields in error (each line naming its field and linking to it), or
 * the server's refusal. The alert shown takes focus (`focusRef`), so a screen reader reads it.
 */
export function SubmitProblems({
  serverError,
  errors,
  focusRef,
  onSubmitAnyway,
}: {
  serverError: ApiError | undefined;
  /** The errors placed at their fields (`located`), or not placed (`located` null). */
  errors: Array<{ error: FormError; located: LocatedError | null }>;
  focusRef: Ref<HTMLDivElement>;
  onSubmitAnyway(e: FormEvent): void;
}) {
  const { t, pick } = useI18n();
  const catalogText = useCatalogText();
  const duplicate = serverError?.body.code === 'duplicate_case' ? openCase(serverError) : null;
  if (serverError && duplicate)
    return (
      <div ref={focusRef} tabIndex={-1} className="alert alert-warning" role="alert">
        <div className="alert-body">
          <p className="alert-heading">{t('serviceForm.duplicateTitle')}</p>
          <p className="alert-text">{pick(serverError.body.message)}</p>
          <p className="duplicate-actions">
            <Link className="button button-secondary" to={`/sager/${duplicate.caseId}`}>
              {t('serviceForm.openCase', { number: duplicate.caseNumber })}
            </Link>
            <button type="button" className="button button-primary" onClick={onSubmitAnyway}>
              {t('form.submitAnyway')}
            </button>
          </p>
        </div>
      </div>
    );
  if (errors.length > 0)
    return (
      <ErrorSummary
        focusRef={focusRef}
        testId="error-summary"
        heading={
          errors.length === 1
            ? t('serviceForm.errorSummaryOne')
            : t('form.errorSummary', { n: errors.length })
        }
        before={serverError && <p className="alert-text">{pick(serverError.body.message)}</p>}
      >
        {errors.map(({ error, located }, i) => {
          const message = pick(error.message);
          // A missing document's message names the document already.
          const names = located
            ? [
                located.item && `${catalogText(located.item.label).marked} ${located.item.number}`,
                !error.path.startsWith('documents.') && located.label && catalogText(located.label).marked,
              ].filter(Boolean)
            : [];
          return (
            <ErrorSummaryLine key={`${error.path}-${i}`} targetId={located?.targetId ?? null}>
              {names.length > 0 ? `${names.join(', ')}: ${message}` : message}
            </ErrorSummaryLine>
          );
        })}
      </ErrorSummary>
    );
  if (serverError)
    return (
      <div ref={focusRef} tabIndex={-1}>
        <ErrorAlert error={serverError} />
      </div>
    );
  return null;
}
