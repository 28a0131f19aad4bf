import { useState, type FormEvent } from 'react';
import { MEASUREMENT_KINDS, type TMeasurementBody } from '@indgang/schemas';
import { api, ApiError } from '../../../api/apiClient';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useI18n } from '../../../i18n/I18nProvider';

/** Records one measurement of a KPI (before, after or running). */
export function MeasurementForm({ kpiId, onSaved }: { kpiId: string; onSaved(): void }) {
  const { t } = useI18n();
  const [measuredOn, setMeasuredOn] = useState('');
  const [value, setValue] = useState('');
  const [kind, setKind] = useState<TMeasurementBody['kind']>('actual');
  const [note, setNote] = useState('');
  const [error, setError] = useState<ApiError>();
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setError(undefined);
    try {
      const measurement: TMeasurementBody = { measuredOn, value, kind, note };
      await api(`/api/v1/kpis/${kpiId}/measurements`, { method: 'POST', body: JSON.stringify(measurement) });
      setValue('');
      setNote('');
      onSaved();
    } catch (err) {
      if (err instanceof ApiError) setError(err);
    }
  };
  return (
    <form onSubmit={(e) => void onSubmit(e)} className="no-print">
      <h3>{t('kpi.measurement')}</h3>
      <div className="inline-fields">
        <div className="form-group">
          <label className="form-label" htmlFor={`m-date-${kpiId}`}>
            {t('kpi.measurement.date')}
          </label>
          <input
            id={`m-date-${kpiId}`}
            type="date"
            className="form-input"
            required
            value={measuredOn}
            onChange={(e) => setMeasuredOn(e.target.value)}
          />
        </div>
        <div className="form-group">
          <label className="form-label" htmlFor={`m-value-${kpiId}`}>
            {t('kpi.measurement.value')}
          </label>
          <input
            id={`m-value-${kpiId}`}
            className="form-input"
            inputMode="decimal"
            required
            value={value}
            onChange={(e) => setValue(e.target.value)}
          />
        </div>
        <div className="form-group">
          <label className="form-label" htmlFor={`m-kind-${kpiId}`}>
            {t('kpi.measurement.kind')}
          </label>
          <select
            id={`m-kind-${kpiId}`}
            className="form-select"
            value={kind}
            onChange={(e) => {
              const chosen = MEASUREMENT_KINDS.find((k) => k === e.target.value);
              if (chosen) setKind(chosen);
            }}
          >
            {MEASUREMENT_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`kpi.kind.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="form-group">
          <label className="form-label" htmlFor={`m-note-${kpiId}`}>
            {t('kpi.measurement.note')}
          </label>
          <input
            id={`m-note-${kpiId}`}
            className="form-input"
            maxLength={1000}
            value={note}
            onChange={(e) => setNote(e.target.value)}
          />
        </div>
        <button type="submit" className="button button-secondary">
          {t('kpi.measurement.save')}
        </button>
      </div>
      <ErrorAlert error={error} />
    </form>
  );
}
