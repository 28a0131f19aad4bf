import { useState, type FormEvent } from 'react';
import type { TDelegationBody, TUnitDetail, TUnitSummary } from '@indgang/schemas';
import { api, ApiError } from '../api/apiClient';
import { useApi } from '../api/useApi';
import { useI18n } from '../i18n/I18nProvider';
import { ErrorAlert } from './ErrorAlert';

/** A leader gives a person of her unit deputy access to the unit for a period. */
export function DelegationForm({ ledUnitIds, onCreated }: { ledUnitIds: string[]; onCreated(): void }) {
  const { t } = useI18n();
  const units = useApi<TUnitSummary[]>('/api/v1/org/units');
  const led = units.data?.filter((u) => ledUnitIds.includes(u.id)) ?? [];
  const [unitId, setUnitId] = useState('');
  const chosenUnit = unitId || led[0]?.id || '';
  const staff = useApi<TUnitDetail>(
    chosenUnit ? `/api/v1/org/units/${encodeURIComponent(chosenUnit)}` : null,
  );
  const [personId, setPersonId] = useState('');
  const today = new Date().toISOString().slice(0, 10);
  const [validFrom, setValidFrom] = useState(today);
  const [validTo, setValidTo] = useState('');
  const [error, setError] = useState<ApiError>();
  const [done, setDone] = useState(false);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setError(undefined);
    setDone(false);
    try {
      const body: TDelegationBody = { toPersonId: personId, unitId: chosenUnit, validFrom, validTo };
      await api('/api/v1/delegations', { method: 'POST', body: JSON.stringify(body) });
      setDone(true);
      onCreated();
    } catch (err) {
      if (err instanceof ApiError) setError(err);
      else throw err;
    }
  };

  return (
    <form onSubmit={(e) => void onSubmit(e)} className="delegation-form">
      <h3>{t('delegation.give')}</h3>
      <ErrorAlert error={error ?? units.error ?? staff.error} />
      <div className="form-group">
        <label className="form-label" htmlFor="delegation-unit">
          {t('person.unit')}
        </label>
        <select
          id="delegation-unit"
          className="form-select"
          value={chosenUnit}
          onChange={(e) => {
            setUnitId(e.target.value);
            setPersonId('');
          }}
        >
          {led.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </select>
      </div>
      <div className="form-group">
        <label className="form-label" htmlFor="delegation-person">
          {t('delegation.deputy')}
        </label>
        <select
          id="delegation-person"
          className="form-select"
          required
          value={personId}
          onChange={(e) => setPersonId(e.target.value)}
        >
          <option value="">{t('delegation.choose')}</option>
          {staff.data?.employees.map((p) => (
            <option key={`${p.personId}-${p.position}`} value={p.personId}>
              {p.name} – {p.position}
            </option>
          ))}
        </select>
      </div>
      <div className="form-group">
        <label className="form-label" htmlFor="delegation-from">
          {t('delegation.from')}
        </label>
        <input
          id="delegation-from"
          className="form-input"
          type="date"
          required
          value={validFrom}
          onChange={(e) => setValidFrom(e.target.value)}
        />
      </div>
      <div className="form-group">
        <label className="form-label" htmlFor="delegation-to">
          {t('delegation.to')}
        </label>
        <input
          id="delegation-to"
          className="form-input"
          type="date"
          required
          value={validTo}
          onChange={(e) => setValidTo(e.target.value)}
        />
      </div>
      <button type="submit" className="button button-primary">
        {t('delegation.submit')}
      </button>
      <div aria-live="polite">
        {done && (
          <p className="alert alert-success">
            <span className="alert-text">{t('delegation.done')}</span>
          </p>
        )}
      </div>
    </form>
  );
}
