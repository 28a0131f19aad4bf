import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import type { TWatchList, TWatchMark, TWatchMarkBody } from '@indgang/schemas';
import { api, ApiError } from '../api/apiClient';
import { useApi } from '../api/useApi';
import { CaseActionError } from '../components/CaseActionError';
import { ErrorAlert } from '../components/ErrorAlert';
import { Loading } from '../components/Loading';
import { Page } from '../components/Page';
import { PersonPicker } from '../components/PersonPicker';
import { SuccessNotice } from '../components/SuccessNotice';
import { UnitPicker } from '../components/UnitPicker';
import { formatDay } from '../i18n/formatDate';
import { useI18n } from '../i18n/I18nProvider';
import { mayChange, useSession } from '../session/SessionProvider';

/** The form that puts a person or a unit on the watch list, with a reason and an end date. */
function AddMark({ onAdded }: { onAdded: () => void }) {
  const { t, locale } = useI18n();
  const [target, setTarget] = useState<'person' | 'unit'>('person');
  const [id, setId] = useState('');
  const [reason, setReason] = useState('');
  const [until, setUntil] = useState('');
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const [added, setAdded] = useState(false);
  const [key, setKey] = useState(() => crypto.randomUUID());
  const fieldError = (path: string) => error?.body.fields.find((f) => f.path === path);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(undefined);
    setAdded(false);
    try {
      const body: TWatchMarkBody = { target, id, reason, until: until || null };
      await api<TWatchMark>('/api/v1/backoffice/watch-list', {
        method: 'POST',
        body: JSON.stringify(body),
        idempotencyKey: key,
      });
      setId('');
      setReason('');
      setUntil('');
      setAdded(true);
      setKey(crypto.randomUUID());
      onAdded();
    } catch (err) {
      if (err instanceof ApiError) setError(err);
      else throw err;
    } finally {
      setBusy(false);
    }
  };
  const reasonError = fieldError('reason');
  const untilError = fieldError('until');
  return (
    <form onSubmit={(e) => void submit(e)} className="watch-add" aria-labelledby="watch-add-title">
      <h2 id="watch-add-title">{t('watch.addTitle')}</h2>
      <fieldset>
        <legend className="form-label">{t('watch.target')}</legend>
        {(['person', 'unit'] as const).map((k) => (
          <div className="form-group-radio" key={k}>
            <input
              type="radio"
              id={`watch-target-${k}`}
              name="watch-target"
              className="form-radio"
              checked={target === k}
              onChange={() => {
                setTarget(k);
                setId('');
              }}
            />
            <label htmlFor={`watch-target-${k}`}>{t(`watch.target.${k}`)}</label>
          </div>
        ))}
      </fieldset>
      <div className="form-group">
        <label className="form-label" htmlFor="watch-id">
          {target === 'person' ? t('watch.person') : t('watch.unit')}
        </label>
        {target === 'person' ? (
          <PersonPicker common={{ id: 'watch-id', required: true }} value={id} onChange={setId} />
        ) : (
          <UnitPicker common={{ id: 'watch-id', required: true }} value={id} onChange={setId} />
        )}
      </div>
      <div className={`form-group${reasonError ? ' form-error' : ''}`}>
        <label className="form-label" htmlFor="watch-reason">
          {t('watch.reason')}
        </label>
        {reasonError && (
          <span className="form-error-message" id="watch-reason-error">
            {locale === 'da' ? reasonError.message.da : reasonError.message.en}
          </span>
        )}
        <textarea
          id="watch-reason"
          className="form-input"
          required
          maxLength={1000}
          aria-describedby={reasonError ? 'watch-reason-error' : undefined}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
      </div>
      <div className={`form-group${untilError ? ' form-error' : ''}`}>
        <label className="form-label" htmlFor="watch-until">
          {t('watch.until')}
        </label>
        {untilError && (
          <span className="form-error-message" id="watch-until-error">
            {locale === 'da' ? untilError.message.da : untilError.message.en}
          </span>
        )}
        <input
          id="watch-until"
          type="date"
          className="form-input input-width-s"
          aria-describedby={untilError ? 'watch-until-error' : undefined}
          value={until}
          onChange={(e) => setUntil(e.target.value)}
        />
      </div>
      <CaseActionError error={error} shownFields={['reason', 'until']} />
      <button type="submit" className="button button-primary" disabled={busy || !id}>
        {t('watch.add')}
      </button>
      <SuccessNotice text={added && t('watch.added')} />
    </form>
  );
}

/** The marks as a table: what, reason, until when, who set it, and ending one. */
export function WatchMarkTable({ marks, onChanged }: { marks: TWatchMark[]; onChanged?: () => void }) {
  const { t, locale } = useI18n();
  const { me } = useSession();
  const [error, setError] = useState<ApiError>();
  const mayEnd = !!onChanged && mayChange(me, 'cases.handle');
  const end = async (m: TWatchMark) => {
    setError(undefined);
    try {
      await api<TWatchMark>(`/api/v1/backoffice/watch-list/${m.id}/end`, { method: 'POST' });
      onChanged?.();
    } catch (err) {
      if (err instanceof ApiError) setError(err);
      else throw err;
    }
  };
  if (marks.length === 0) return <p>{t('watch.none')}</p>;
  return (
    <>
      <CaseActionError error={error} />
      <table className="table table--compact table--responsive-headers" data-testid="watch-table">
        <thead>
          <tr>
            <th scope="col">{t('watch.target')}</th>
            <th scope="col">{t('watch.name')}</th>
            <th scope="col">{t('watch.reason')}</th>
            <th scope="col">{t('watch.until')}</th>
            <th scope="col">{t('watch.createdBy')}</th>
            <th scope="col">{t('watch.status')}</th>
          </tr>
        </thead>
        <tbody>
          {marks.map((m) => (
            <tr key={m.id}>
              <td data-title={t('watch.target')}>{t(`watch.target.${m.target}`)}</td>
              <td data-title={t('watch.name')}>
                {m.personId ? (
                  <Link to={`/organisation/person/${m.personId}`}>{m.targetName}</Link>
                ) : m.unitId ? (
                  <Link to={`/organisation/enhed/${m.unitId}`}>{m.targetName}</Link>
                ) : (
                  <Link to={`/sagsbehandling/sager/${m.caseId}`}>{m.targetName}</Link>
                )}
              </td>
              <td data-title={t('watch.reason')}>{m.reason}</td>
              <td data-title={t('watch.until')}>
                {m.until ? formatDay(m.until, locale) : t('watch.untilOpen')}
              </td>
              <td data-title={t('watch.createdBy')}>{m.createdBy}</td>
              <td data-title={t('watch.status')}>
                {m.inForce ? t('watch.inForce') : t('watch.ended')}
                {m.inForce && mayEnd && (
                  <>
                    {' '}
                    <button
                      type="button"
                      className="button button-tertiary"
                      aria-label={t('watch.endLabel', { name: m.targetName })}
                      onClick={() => void end(m)}
                    >
                      {t('watch.end')}
                    </button>
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

/** The watch list ("obsliste"): persons, units and cases never handled automatically, counted. */
export function WatchListPage() {
  const { t } = useI18n();
  const { me } = useSession();
  const [all, setAll] = useState(false);
  const list = useApi<TWatchList>(`/api/v1/backoffice/watch-list${all ? '?all=true' : ''}`);
  const data = list.data;
  return (
    <Page title={t('watch.title')}>
      <p>
        <Link to="/sagsbehandling">{t('queue.title')}</Link>
      </p>
      <p>{t('watch.intro')}</p>
      <ErrorAlert error={list.error} />
      {!data && list.loading && <Loading />}
      {data && (
        <>
          <p data-testid="watch-counts">{t('watch.counts', data.counts)}</p>
          <div className="form-group-checkbox">
            <input
              id="watch-all"
              type="checkbox"
              className="form-checkbox"
              checked={all}
              onChange={(e) => setAll(e.target.checked)}
            />
            <label htmlFor="watch-all">{t('watch.showAll')}</label>
          </div>
          <WatchMarkTable marks={data.marks} onChanged={list.reload} />
        </>
      )}
      {mayChange(me, 'cases.handle') && <AddMark onAdded={list.reload} />}
    </Page>
  );
}
