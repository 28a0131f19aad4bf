import type { ApiError } from '../api/apiClient';
import { useI18n } from '../i18n/I18nProvider';

/**
 * Why an action on a case failed, once, in the reader's language: the server's message, and the
 * messages of fields the form does not show itself (without their technical paths, and without
 * repeating the message).
 */
export function CaseActionError({
  error,
  shownFields = [],
}: {
  error: ApiError | undefined;
  shownFields?: string[];
}) {
  const { t, pick } = useI18n();
  if (!error) return null;
  const message = pick(error.body.message);
  const more = [
    ...new Set(
      error.body.fields
        .filter((f) => !shownFields.includes(f.path))
        .map((f) => pick(f.message))
        .filter((m) => m !== message && !message.includes(m)),
    ),
  ];
  return (
    <div className="alert alert-error" role="alert">
      <div className="alert-body">
        <p className="alert-heading">{t('work.failed')}</p>
        <p className="alert-text">{message}</p>
        {more.length > 0 && (
          <ul className="alert-text">
            {more.slice(0, 10).map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
