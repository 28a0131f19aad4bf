import { useState, type FormEvent } from 'react';
import { PROGRAMME_STATUSES, PROJECT_STATUS } from '@indgang/schemas';
import { api, ApiError } from '../../api/apiClient';
import { ErrorAlert } from '../../components/ErrorAlert';

import { useI18n } from '../../i18n/I18nProvider';

export interface ProgrammeValues { name: string; description: string; status: string; version: number }

/** Changes a programme's name, purpose and status. */
export function ProgrammeForm({ programmeId, initial, onSaved }: { programmeId: string; initial: ProgrammeValues; onSaved(): void }) {
  const { pick } = useI18n();
  const [values, setValues] = useState(initial);
  const [error, setError] = useState<ApiError>();
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setError(undefined);
    try {
      await api(`/api/v1/programmes/${programmeId}`, { method: 'PUT', body: JSON.stringify({ name: values.name, description: values.description, status: values.status, expectedVersion: values.version }) });
      onSaved();
    } catch (err) { if (err instanceof ApiError) setError(err); }
  };
  return (
    <form onSubmit={(e) => void onSubmit(e)} className="no-print">
      <div className="form-group"><label className="form-label" htmlFor="programme-edit-name">{pick({ da: 'Navn', en: 'Name' })}</label>
        <input id="programme-edit-name" className="form-input" required maxLength={200} value={values.name} onChange={(e) => setValues((v) => ({ ...v, name: e.target.value }))} /></div>
      <div className="form-group"><label className="form-label" htmlFor="programme-edit-description">{pick({ da: 'Formål', en: 'Purpose' })}</label>
        <textarea id="programme-edit-description" className="form-input" rows={3} maxLength={4000} value={values.description} onChange={(e) => setValues((v) => ({ ...v, description: e.target.value }))} /></div>
      <div className="form-group"><label className="form-label" htmlFor="programme-edit-status">{pick({ da: 'Status', en: 'Status' })}</label>
        <select id="programme-edit-status" className="form-select" value={values.status} onChange={(e) => setValues((v) => ({ ...v, status: e.target.value }))}>{PROGRAMME_STATUSES.map((s) => <option key={s} value={s}>{pick(PROJECT_STATUS[s]!)}</option>)}</select></div>
      <button type="submit" className="button button-primary">{pick({ da: 'Gem programmet', en: 'Save the programme' })}</button>
      <ErrorAlert error={error} />
    </form>
  );
}
