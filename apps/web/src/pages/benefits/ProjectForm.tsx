import { useState, type FormEvent } from 'react';
import {
  PROJECT_STATUS,
  PROJECT_STATUSES,
  RISK_LEVEL,
  RISK_LEVELS,
  type TProject,
  type TProjectBody,
} from '@indgang/schemas';
import { api, ApiError } from '../../api/apiClient';
import type { TSaved } from '../../api/contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { UserPicker } from '../../components/benefits/UserPicker';
import { useI18n } from '../../i18n/I18nProvider';

/** A project as the form edits it: what may be changed, and the version it was read at, if stored. */
export type ProjectValues = Pick<
  TProject,
  | 'name'
  | 'description'
  | 'ownerUserId'
  | 'ownerName'
  | 'benefitOwnerUserId'
  | 'benefitOwnerName'
  | 'status'
  | 'riskLevel'
  | 'riskDescription'
> &
  Partial<Pick<TProject, 'version'>>;

/** Creates a project in a programme or changes one: owners, status and risk with its description. */
export function ProjectForm({
  programmeId,
  projectId,
  initial,
  onSaved,
}: {
  programmeId: string;
  projectId?: string;
  initial: ProjectValues;
  onSaved(id: string): void;
}) {
  const { t, pick } = useI18n();
  const [values, setValues] = useState(initial);
  const [error, setError] = useState<ApiError>();
  const set = (key: keyof ProjectValues) => (e: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [key]: e.target.value }));
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setError(undefined);
    const {
      version,
      name,
      description,
      ownerUserId,
      benefitOwnerUserId,
      status,
      riskLevel,
      riskDescription,
    } = values;
    const body: TProjectBody = {
      name,
      description,
      ownerUserId,
      benefitOwnerUserId,
      status,
      riskLevel,
      riskDescription,
      ...(projectId ? { expectedVersion: version } : {}),
    };
    try {
      const url = projectId
        ? `/api/v1/programmes/${programmeId}/projects/${projectId}`
        : `/api/v1/programmes/${programmeId}/projects`;
      const saved = await api<TSaved>(url, {
        method: projectId ? 'PUT' : 'POST',
        body: JSON.stringify(body),
      });
      setValues((v) => ({ ...v, version: saved.version }));
      onSaved(saved.id);
    } catch (err) {
      if (err instanceof ApiError) setError(err);
    }
  };
  const id = (s: string) => `${projectId ?? 'new'}-${s}`;
  return (
    <form onSubmit={(e) => void onSubmit(e)} className="no-print">
      <div className="form-group">
        <label className="form-label" htmlFor={id('name')}>
          {t('project.name')}
        </label>
        <input
          id={id('name')}
          className="form-input"
          required
          maxLength={200}
          value={values.name}
          onChange={set('name')}
        />
      </div>
      <div className="form-group">
        <label className="form-label" htmlFor={id('description')}>
          {t('project.description')}
        </label>
        <textarea
          id={id('description')}
          className="form-input"
          rows={2}
          maxLength={4000}
          value={values.description}
          onChange={set('description')}
        />
      </div>
      <div className="owner-pickers">
        <UserPicker
          id={id('owner')}
          label={t('project.ownerUser')}
          value={values.ownerUserId}
          name={values.ownerName}
          required
          onChange={(ownerUserId, ownerName) => setValues((v) => ({ ...v, ownerUserId, ownerName }))}
        />
        <UserPicker
          id={id('benefitOwner')}
          label={t('project.benefitOwnerUser')}
          value={values.benefitOwnerUserId}
          name={values.benefitOwnerName}
          required
          onChange={(benefitOwnerUserId, benefitOwnerName) =>
            setValues((v) => ({ ...v, benefitOwnerUserId, benefitOwnerName }))
          }
        />
      </div>
      <div className="inline-fields">
        <div className="form-group">
          <label className="form-label" htmlFor={id('status')}>
            {t('project.status')}
          </label>
          <select id={id('status')} className="form-select" value={values.status} onChange={set('status')}>
            {PROJECT_STATUSES.map((s) => (
              <option key={s} value={s}>
                {pick(PROJECT_STATUS[s]!)}
              </option>
            ))}
          </select>
        </div>
        <div className="form-group">
          <label className="form-label" htmlFor={id('risk')}>
            {t('project.riskLevel')}
          </label>
          <select
            id={id('risk')}
            className="form-select"
            value={values.riskLevel}
            onChange={set('riskLevel')}
          >
            {RISK_LEVELS.map((s) => (
              <option key={s} value={s}>
                {pick(RISK_LEVEL[s]!)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="form-group">
        <label className="form-label" htmlFor={id('riskDescription')}>
          {t('project.riskDescription')}
        </label>
        <textarea
          id={id('riskDescription')}
          className="form-input"
          rows={2}
          maxLength={4000}
          value={values.riskDescription}
          onChange={set('riskDescription')}
        />
      </div>
      <button type="submit" className="button button-primary">
        {projectId ? t('project.save') : t('project.create')}
      </button>
      <ErrorAlert error={error} />
    </form>
  );
}
