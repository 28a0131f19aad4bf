import { useState, type FormEvent } from 'react';
import type { TLegalHold, TPersonHit } from '@indgang/schemas';
import { api, ApiError } from '../../api/apiClient';
import type { TLegalHoldBody } from '../../api/contract';
import type { ApiState } from '../../api/useApi';
import { Loading } from '../../components/Loading';
import { useI18n } from '../../i18n/I18nProvider';
import { ScrollRegion } from '../../components/ScrollRegion';

/** Legal holds that stop the retention run: the list with release, and the form that places one. */
export function LegalHolds({
  holds,
  holdPerson,
  clearHoldPerson,
  holdCase,
  setHoldCase,
  setError,
  setDone,
}: {
  holds: ApiState<TLegalHold[]>;
  holdPerson: TPersonHit | null;
  clearHoldPerson(): void;
  holdCase: string;
  setHoldCase(caseNumber: string): void;
  setError(error: ApiError | undefined): void;
  setDone(text: string): void;
}) {
  const { t, locale } = useI18n();
  const [reason, setReason] = useState('');
  const when = (iso: string) =>
    new Date(iso).toLocaleString(locale === 'da' ? 'da-DK' : 'en-GB', {
      dateStyle: 'short',
      timeStyle: 'short',
    });
  const failed = (err: unknown) => {
    if (err instanceof ApiError) setError(err);
    else throw err;
  };
  const placeHold = async (e: FormEvent) => {
    e.preventDefault();
    setError(undefined);
    setDone('');
    const target = holdPerson ? { personId: holdPerson.id } : { caseNumber: holdCase.trim() };
    const hold: TLegalHoldBody = { ...target, reason };
    try {
      await api('/api/v1/privacy/legal-holds', { method: 'POST', body: JSON.stringify(hold) });
      setDone(t('privacy.holdPlaced'));
      setReason('');
      setHoldCase('');
      clearHoldPerson();
      holds.reload();
    } catch (err) {
      failed(err);
    }
  };
  const release = async (hold: TLegalHold) => {
    setError(undefined);
    setDone('');
    try {
      await api(`/api/v1/privacy/legal-holds/${hold.id}`, { method: 'DELETE' });
      setDone(t('privacy.holdReleased'));
      holds.reload();
    } catch (err) {
      failed(err);
    }
  };
  return (
    <>
      <h2>{t('privacy.holdsTitle')}</h2>
      <p>{t('privacy.holdsIntro')}</p>
      {holds.loading && !holds.data && <Loading />}
      {holds.data && holds.data.length === 0 && <p>{t('privacy.noHolds')}</p>}
      {holds.data && holds.data.length > 0 && (
        <ScrollRegion label={t('privacy.holdsTitle')}>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('privacy.covers')}</th>
                <th scope="col">{t('privacy.reason')}</th>
                <th scope="col">{t('privacy.setBy')}</th>
                <th scope="col">
                  <span className="sr-only">{t('privacy.release')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {holds.data.map((h) => (
                <tr key={h.id}>
                  <td>
                    {h.caseNumber
                      ? t('privacy.case', { number: h.caseNumber })
                      : t('privacy.allAbout', { name: h.personName ?? '–' })}
                  </td>
                  <td>{h.reason}</td>
                  <td>
                    {h.setBy}, {when(h.setAt)}
                  </td>
                  <td>
                    <button type="button" className="button button-secondary" onClick={() => void release(h)}>
                      {t('privacy.release')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      <form onSubmit={(e) => void placeHold(e)}>
        {holdPerson ? (
          <p>
            {t('privacy.holdFor', { name: holdPerson.name })}{' '}
            <button type="button" className="button button-tertiary" onClick={clearHoldPerson}>
              {t('privacy.holdCaseInstead')}
            </button>
          </p>
        ) : (
          <div className="form-group">
            <label className="form-label" htmlFor="hold-case">
              {t('privacy.caseNumber')}
            </label>
            <span className="form-hint" id="hold-case-hint">
              {t('privacy.caseNumberHint')}
            </span>
            <input
              id="hold-case"
              className="form-input input-width-s"
              aria-describedby="hold-case-hint"
              value={holdCase}
              maxLength={30}
              onChange={(e) => setHoldCase(e.target.value)}
            />
          </div>
        )}
        <div className="form-group">
          <label className="form-label" htmlFor="hold-reason">
            {t('privacy.reason')}
          </label>
          <textarea
            id="hold-reason"
            className="form-input"
            rows={3}
            maxLength={1000}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
        </div>
        <button type="submit" className="button button-primary">
          {t('privacy.placeHold')}
        </button>
      </form>
    </>
  );
}
