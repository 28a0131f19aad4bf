import { useEffect, useRef } from 'react';
import {
  isRoleReviewLines,
  roleReviewLines,
  type FormError,
  type RoleReviewDecision,
  type TField,
  type TIdentityRoleAssignmentsAnswer,
  type TRoleReviewLine,
} from '@indgang/schemas';
import { useLookup } from '../../api/useLookup';
import { CatalogText } from '../../components/CatalogText';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useI18n } from '../../i18n/I18nProvider';
import { formatDay } from '../../i18n/formatDate';

const DECISIONS: readonly RoleReviewDecision[] = ['keep', 'remove'];

/**
 * An authorisation review: once the unit is chosen, who has which system role in it is read from
 * identity management (the audited `identity.roleAssignments` lookup) and each line is shown with
 * Keep or Remove. Lines are grouped by person, each a group of two radio buttons named by the
 * person and the role, so it reads the same to a screen reader and on a phone. Decisions already
 * made (a draft) stay with their account and role when the unit is read again.
 */
export function RoleReviewField({
  field,
  inputId,
  unitId,
  value,
  error,
  onChange,
}: {
  field: TField;
  inputId: string;
  unitId: string;
  value: unknown;
  error?: FormError;
  onChange(lines: TRoleReviewLine[]): void;
}) {
  const { t, pick, locale } = useI18n();
  const { view, run } = useLookup<TIdentityRoleAssignmentsAnswer>('identity.roleAssignments');
  const lines = isRoleReviewLines(value) ? value : [];
  const latest = useRef({ lines, onChange });
  latest.current = { lines, onChange };

  useEffect(() => {
    if (unitId) run({ unitId });
    else if (latest.current.lines.length > 0) latest.current.onChange([]);
  }, [unitId, run]);

  const applied = useRef<unknown>(null);
  useEffect(() => {
    if (view.status !== 'done' || applied.current === view.result || view.result.unitId !== unitId) return;
    applied.current = view.result;
    latest.current.onChange(roleReviewLines(view.result, latest.current.lines));
  }, [view, unitId]);

  const decide = (index: number, decision: RoleReviewDecision) =>
    onChange(lines.map((line, i) => (i === index ? { ...line, decision } : line)));
  const undecided = lines.filter((l) => l.decision === null).length;
  const removals = lines.filter((l) => l.decision === 'remove').length;
  const people = new Map<string, Array<{ line: TRoleReviewLine; index: number }>>();
  lines.forEach((line, index) => {
    const held = people.get(line.userId) ?? [];
    held.push({ line, index });
    people.set(line.userId, held);
  });
  const period = (line: TRoleReviewLine) =>
    line.from && line.to
      ? t('roleReview.fromTo', { from: formatDay(line.from, locale), to: formatDay(line.to, locale) })
      : line.from
        ? t('roleReview.from', { from: formatDay(line.from, locale) })
        : line.to
          ? t('roleReview.to', { to: formatDay(line.to, locale) })
          : t('roleReview.noDates');
  const describedBy =
    [field.help ? `${inputId}-help` : '', error ? `${inputId}-error` : '', `${inputId}-status`]
      .filter(Boolean)
      .join(' ') || undefined;
  const ready = view.status === 'done' && view.result.unitId === unitId;

  return (
    <div className={`form-group role-review${error ? ' form-error' : ''}`}>
      <fieldset id={inputId} tabIndex={-1} aria-describedby={describedBy}>
        <legend className="form-label">
          <CatalogText text={field.label} />
        </legend>
        {field.help && (
          <span id={`${inputId}-help`} className="form-hint">
            <CatalogText text={field.help} />
          </span>
        )}
        <div id={`${inputId}-status`} aria-live="polite">
          {!unitId && <p className="form-hint">{t('roleReview.chooseUnit')}</p>}
          {unitId && view.status === 'pending' && <p>{t('roleReview.fetching')}</p>}
          {ready && lines.length === 0 && <p>{t('roleReview.none')}</p>}
          {ready && lines.length > 0 && (
            <p className="role-review-count">
              {t('roleReview.count', { roles: lines.length, people: people.size })}{' '}
              {t('roleReview.progress', { removals, undecided })}
            </p>
          )}
        </div>
        {unitId && view.status === 'failed' && (
          <>
            <ErrorAlert error={view.error} />
            <button type="button" className="button button-secondary" onClick={() => run({ unitId })}>
              {t('roleReview.retry')}
            </button>
          </>
        )}
        {error && (
          <span id={`${inputId}-error`} className="form-error-message">
            <span className="sr-only">{t('serviceForm.errorPrefix')} </span>
            {pick(error.message)}
          </span>
        )}
        {ready && undecided > 0 && (
          <button
            type="button"
            className="button button-secondary role-review-keep-rest"
            onClick={() => onChange(lines.map((l) => (l.decision === null ? { ...l, decision: 'keep' } : l)))}
          >
            {t('roleReview.keepRest', { n: undecided })}
          </button>
        )}
        {ready &&
          [...people.values()].map((held) => (
            <div className="role-review-person" key={held[0]!.line.userId}>
              <h3 className="h4">
                {held[0]!.line.name} <span className="role-review-user">({held[0]!.line.userId})</span>
              </h3>
              {held.map(({ line, index }) => {
                const name = `${inputId}-${index}`;
                const missing = error !== undefined && line.decision === null;
                return (
                  <fieldset
                    key={line.roleId}
                    className={`role-review-line${line.decision === 'remove' ? ' is-removed' : ''}${missing ? ' is-missing' : ''}`}
                  >
                    <legend>
                      <span className="sr-only">{line.name}: </span>
                      <span className="role-review-role">{line.roleName}</span>
                      <span className="role-review-meta">
                        {line.system} · {period(line)}
                        {line.assignedThrough !== 'direct' && ` · ${t('roleReview.indirect')}`}
                      </span>
                    </legend>
                    <div className="role-review-choices">
                      {DECISIONS.map((decision) => (
                        <div className="form-group-radio" key={decision}>
                          <input
                            type="radio"
                            className="form-radio"
                            id={`${name}-${decision}`}
                            name={name}
                            value={decision}
                            checked={line.decision === decision}
                            aria-invalid={missing ? true : undefined}
                            onChange={() => decide(index, decision)}
                          />
                          <label htmlFor={`${name}-${decision}`}>{t(`roleReview.${decision}`)}</label>
                        </div>
                      ))}
                    </div>
                  </fieldset>
                );
              })}
            </div>
          ))}
      </fieldset>
    </div>
  );
}
