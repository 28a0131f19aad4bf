import type { ApiError } from '../api/apiClient';
import { useI18n } from '../i18n/I18nProvider';

/** A server error in the user's language, with the fields it concerns. */
export function ErrorAlert({ error }: { error: ApiError | undefined }) {
  const { t, pick } = useI18n();
  if (!error) return null;
  return (
    <div className="alert alert-error" role="alert">
      <div className="alert-body">
        <p className="alert-heading">{t('common.error')}</p>
        <p className="alert-text">{pick(error.body.message)}</p>
        {error.body.fields.length > 0 && (
          <ul>
            {error.body.fields.slice(0, 20).map((f, i) => (
              <li key={i}>
                {f.path}: {pick(f.message)}
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
