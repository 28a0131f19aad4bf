import { useEffect, useState } from 'react';
import { api } from '../../api/apiClient';
import type { TPerson } from '../../api/contract';
import { useI18n } from '../../i18n/I18nProvider';
import './userPicker.css';

/**
 * Picks a user by name (an owner or benefit owner): a search field that finds people as one types, and
 * a list of the hits to choose from, which shows the chosen person's name. The user id is the value
 * sent, never shown.
 */
export function UserPicker({
  id,
  label,
  value,
  name,
  onChange,
  required,
}: {
  id: string;
  label: string;
  /** The chosen user's id ('' for none) and name. */
  value: string;
  name: string;
  onChange(userId: string, name: string): void;
  required?: boolean;
}) {
  const { t } = useI18n();
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<TPerson[] | null>(null);
  useEffect(() => {
    const q = query.trim();
    if (q.length < 2) {
      setHits(null);
      return;
    }
    let current = true;
    const timer = setTimeout(() => {
      void api<TPerson[]>(`/api/v1/benefits/people?q=${encodeURIComponent(q)}`)
        .then((found) => current && setHits(found))
        .catch(() => current && setHits([]));
    }, 200);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [query]);
  const options = [
    ...(value && !hits?.some((p) => p.id === value) ? [{ id: value, displayName: name || value }] : []),
    ...(hits ?? []),
  ];
  const status =
    hits === null
      ? ''
      : hits.length === 0
        ? t('project.noPeople')
        : t('project.peopleFound', { n: hits.length });
  return (
    <fieldset className="user-picker">
      <legend className="form-label">{label}</legend>
      <div className="form-group">
        <label className="form-label" htmlFor={`${id}-search`}>
          {t('project.findUser')}
        </label>
        <input
          id={`${id}-search`}
          className="form-input"
          type="search"
          autoComplete="off"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          aria-describedby={`${id}-status`}
        />
        <p id={`${id}-status`} className="form-hint" role="status">
          {status}
        </p>
      </div>
      <div className="form-group">
        <label className="form-label" htmlFor={id}>
          {t('project.chosenUser', { role: label })}
        </label>
        <select
          id={id}
          className="form-select"
          required={required}
          value={value}
          onChange={(e) => {
            const chosen = options.find((p) => p.id === e.target.value);
            onChange(e.target.value, chosen?.displayName ?? '');
          }}
        >
          <option value="">{t('project.choosePerson')}</option>
          {options.map((p) => (
            <option key={p.id} value={p.id}>
              {p.displayName}
            </option>
          ))}
        </select>
      </div>
    </fieldset>
  );
}
