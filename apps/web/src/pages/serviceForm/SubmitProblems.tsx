import type { FormEvent } from 'react';
import { Link } from 'react-router';
import type { FormError } from '@indgang/schemas';
import type { ApiError } from '../../api/apiClient';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useI18n } from '../../i18n/I18nProvider';

/**
 * Why the form was not sent: a possible duplicate (with the way to the open case, or to send anyway),
 * the server's refusal, or the summary of the fields in error.
 */
export function SubmitProblems({
  serverError,
  errors,
  onSubmitAnyway,
}: {
  serverError: ApiError | undefined;
  errors: FormError[];
  onSubmitAnyway(e: FormEvent): void;
}) {
  const { t, pick } = useI18n();
  return (
    <>
      {serverError && serverError.body.code === 'duplicate_case' ? (
        <div className="alert alert-warning" role="alert">
          <p className="alert-text">{pick(serverError.body.message)}</p>
          <p>
            <Link
              className="button button-secondary"
              to={`/sager/${String((serverError.body as { data?: { caseId?: string } }).data?.caseId)}`}
            >
              {t('form.openExisting')}
            </Link>{' '}
            <button type="button" className="button button-tertiary" onClick={onSubmitAnyway}>
              {t('form.submitAnyway')}
            </button>
          </p>
        </div>
      ) : serverError ? (
        <ErrorAlert error={serverError} />
      ) : null}
      {errors.length > 0 && !serverError && (
        <div className="alert alert-error" role="alert">
          <p className="alert-heading">{t('form.errorSummary', { n: errors.length })}</p>
          <ul>
            {errors.map((e) => (
              <li key={e.path}>{pick(e.message)}</li>
            ))}
          </ul>
        </div>
      )}
    </>
  );
}
