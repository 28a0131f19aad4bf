import { useState, type FormEvent } from 'react';
import type { TPortalCase } from '@indgang/schemas';
import { api, ApiError } from '../../api/apiClient';
import type { TReopenBody } from '../../api/contract';
import { CaseActionError } from '../../components/CaseActionError';
import { dayInDenmark, formatDay } from '../../i18n/formatDate';
import { useI18n } from '../../i18n/I18nProvider';

/**
 * Reopening a resolved case: offered until the last day the service centre takes it back (said on
 * the page), and past it the page says until when it could have been and what to do instead. A
 * refusal is shown here, beside the button.
 */
/** `onReopened` runs after the case is reopened (the page reloads it and says so). */
export function ReopenCase({ c, onReopened }: { c: TPortalCase; onReopened(): void }) {
  const { t, locale } = useI18n();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<ApiError>();
  const [sending, setSending] = useState(false);
  const until = c.reopenUntil;
  const open = !!until && dayInDenmark(new Date().toISOString()) <= until;

  const reopen = async (e: FormEvent) => {
    e.preventDefault();
    if (sending) return;
    setError(undefined);
    setSending(true);
    try {
      const reopening: TReopenBody = { reason };
      await api(`/api/v1/cases/${c.id}/reopen`, { method: 'POST', body: JSON.stringify(reopening) });
      setReason('');
      onReopened();
    } catch (err) {
      if (err instanceof ApiError) setError(err);
      else throw err;
    } finally {
      setSending(false);
    }
  };

  return (
    <section className="reopen" aria-labelledby="reopen-title">
      <h2 id="reopen-title">{t('reopen.title')}</h2>
      {!open ? (
        <p data-testid="reopen-closed">
          {until ? t('reopen.closed', { date: formatDay(until, locale) }) : t('reopen.closed', { date: '–' })}
        </p>
      ) : (
        <form onSubmit={(e) => void reopen(e)}>
          <p>{t('reopen.until', { date: formatDay(until, locale) })}</p>
          <div className="form-group">
            <label className="form-label" htmlFor="reopen-reason">
              {t('reopen.reason')}
            </label>
            <textarea
              id="reopen-reason"
              className="form-input"
              rows={3}
              maxLength={2000}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
            />
          </div>
          <CaseActionError error={error} />
          <button type="submit" className="button button-secondary" disabled={sending}>
            {t('reopen.button')}
          </button>
        </form>
      )}
    </section>
  );
}
