import { useState, type FormEvent } from 'react';
import { api, ApiError } from '../../../api/apiClient';
import { useI18n } from '../../../i18n/I18nProvider';
import type { TKpi } from '@indgang/schemas';
import { EMPTY_KPI_FORM, kpiFormValues, type KpiField } from './kpiForm';

/** The state of the KPI form: a new KPI, or one being edited; saves it and tells the page. */
export function useKpiEditor(projectId: string | undefined, onSaved: () => void) {
  const { t } = useI18n();
  const [form, setForm] = useState(EMPTY_KPI_FORM);
  const [editing, setEditing] = useState<{ id: string; version: number } | null>(null);
  const [error, setError] = useState<ApiError>();
  const [notice, setNotice] = useState('');
  const set = (key: KpiField) => (e: { target: { value: string } }) =>
    setForm((f) => ({ ...f, [key]: e.target.value }));
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(undefined);
    setNotice('');
    const body = Object.fromEntries(Object.entries(form).filter(([, v]) => v !== ''));
    try {
      if (editing)
        await api(`/api/v1/projects/${projectId}/kpis/${editing.id}`, {
          method: 'PUT',
          body: JSON.stringify({ ...body, expectedVersion: editing.version }),
        });
      else await api(`/api/v1/projects/${projectId}/kpis`, { method: 'POST', body: JSON.stringify(body) });
      setForm(EMPTY_KPI_FORM);
      setEditing(null);
      setNotice(editing ? t('kpi.saved') : t('kpi.created'));
      onSaved();
    } catch (err) {
      if (err instanceof ApiError) setError(err);
    }
  };
  const edit = (k: TKpi) => {
    setForm(kpiFormValues(k));
    setEditing({ id: k.id, version: k.version });
    document.getElementById('kpi-form')?.scrollIntoView();
    document.getElementById('kpi-name')?.focus();
  };
  const cancel = () => {
    setEditing(null);
    setForm(EMPTY_KPI_FORM);
  };
  return { form, set, editing: editing !== null, submit, edit, cancel, error, notice };
}

export type KpiEditor = ReturnType<typeof useKpiEditor>;
