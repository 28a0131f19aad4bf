import { useState } from 'react';
import type { TBackofficeCase } from '@indgang/schemas';
import type { ApiError } from '../../api/apiClient';
import { CaseActionError } from '../../components/CaseActionError';
import { SuccessNotice } from '../../components/SuccessNotice';
import { useI18n } from '../../i18n/I18nProvider';

/** Gives the case to a colleague of the team, or to oneself. */
export function AssignCase({
  c,
  userId,
  busy,
  error,
  done,
  onAssign,
}: {
  c: TBackofficeCase;
  userId: string | undefined;
  /** An action is on its way: nothing more is sent until it is answered. */
  busy: boolean;
  error: ApiError | undefined;
  done: string | undefined;
  onAssign(userId: string): void;
}) {
  const { t } = useI18n();
  const [assignee, setAssignee] = useState('');
  return (
    <section>
      <h2>{t('work.assign')}</h2>
      <div className="form-group">
        <label className="form-label" htmlFor="assignee">
          {t('work.colleague')}
        </label>
        <select
          id="assignee"
          className="form-select"
          value={assignee}
          onChange={(e) => setAssignee(e.target.value)}
        >
          <option value="">{t('form.choose')}</option>
          {c.teamMembers.map((m) => (
            <option key={m.id} value={m.id}>
              {m.name}
            </option>
          ))}
        </select>
      </div>
      <button
        type="button"
        className="button button-secondary"
        disabled={!assignee || busy}
        onClick={() => {
          onAssign(assignee);
          setAssignee('');
        }}
      >
        {t('work.assignButton')}
      </button>{' '}
      {userId && c.assigneeUserId !== userId && (
        <button
          type="button"
          className="button button-secondary"
          disabled={busy}
          onClick={() => onAssign(userId)}
        >
          {t('work.takeOver')}
        </button>
      )}
      <CaseActionError error={error} />
      <SuccessNotice text={done} />
    </section>
  );
}
