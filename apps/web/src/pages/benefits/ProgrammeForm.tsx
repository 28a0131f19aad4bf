import { useState, type FormEvent } from 'react';
import { PROGRAMME_STATUSES, PROJECT_STATUS, type TProgramme, type TProgrammeBody } from '@indgang/schemas';
import { api, ApiError } from '../../api/apiClient';
import type { TCreated } from '../../api/contract';
import { ErrorAlert } from '../../components/ErrorAlert';

import { useI18n } from '../../i18n/I18nProvider';

/** A programme as the form edits it: what may be changed, and the version it was read at, if stored. */
export type ProgrammeValues = Pick<TProgramme, 'name' | 'description' | 'status'> &
  Partial<Pick<TProgramme, 'version'>>;

/** Starts a programme, or changes one's name, purpose and status. */
export function ProgrammeForm({
  programmeId,
  initial,
  onSaved,
}: {
  programmeId?: string;
  initial: ProgrammeValues;
  onSaved(id: string): void;
}) {
  const { t, pick } = useI18n();
  const [values, setValues] = useState(initial);
  const [error, setError] = useState<ApiError>();
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setError(undefined);
    try {
      const body: TProgrammeBody = {
        name: values.name,
        description: values.description,
        status: values.status,
      };
      if (programmeId) {
        const change: TProgrammeBody = { ...body, expectedVersion: values.version };
        await api(`/api/v1/programmes/${programmeId}`, { method: 'PUT', body: JSON.stringify(change) });
        onSaved(programmeId);
      } else {
        onSaved(
          (await api<TCreated>('/api/v1/programmes', { method: 'POST', body: JSON.stringify(body) })).id,
        );
      }
    } catch (err) {
      if (err instanceof ApiError) setError(err);
    }
  };
  const id = (field: string) => `programme-${programmeId ? 'edit' : 'new'}-${field}`;
  return (
    <form onSubmit={(e) => void onSubmit(e)} className="no-print">
      <div className="form-group">
        <label className="form-label" htmlFor={id('name')}>
          {t('programme.name')}
        </label>
        <input
          id={id('name')}
          className="form-input"
          required
          maxLength={200}
          value={values.name}
          onChange={(e) => setValues((v) => ({ ...v, name: e.target.value }))}
        />
      </div>
      <div className="form-group">
        <label className="form-label" htmlFor={id('description')}>
          {t('programme.purpose')}
        </label>
        <textarea
          id={id('description')}
          className="form-input"
          rows={3}
          maxLength={4000}
          value={values.description}
          onChange={(e) => setValues((v) => ({ ...v, description: e.target.value }))}
        />
      </div>
      <div className="form-group">
        <label className="form-label" htmlFor={id('status')}>
          {t('programme.status')}
        </label>
        <select
          id={id('status')}
          className="form-select"
          value={values.status}
          onChange={(e) => {
            const status = PROGRAMME_STATUSES.find((s) => s === e.target.value);
            if (status) setValues((v) => ({ ...v, status }));
          }}
        >
          {PROGRAMME_STATUSES.map((s) => (
            <option key={s} value={s}>
              {pick(PROJECT_STATUS[s]!)}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="button button-primary">
        {programmeId ? t('programme.save') : t('programme.create')}
      </button>
      <ErrorAlert error={error} />
    </form>
  );
}
