import { textOf, type TBackofficeCase } from '@indgang/schemas';
import type { ApiError } from '../../api/apiClient';
import { CaseActionError } from '../../components/CaseActionError';
import { SuccessNotice } from '../../components/SuccessNotice';
import { useI18n } from '../../i18n/I18nProvider';

/** The stages of the case: those reached, and a button to mark each of the others. */
export function CaseStages({
  c,
  canMark,
  busy,
  error,
  done,
  onMark,
}: {
  c: TBackofficeCase;
  canMark: boolean;
  /** An action is on its way: nothing more is sent until it is answered. */
  busy: boolean;
  error: ApiError | undefined;
  done: string | undefined;
  onMark(stageId: string): void;
}) {
  const { t, locale } = useI18n();
  return (
    <section>
      <h2>{t('work.stages')}</h2>
      {c.hiddenFromSubjectUntil && !c.stagesReached.includes(c.hiddenFromSubjectUntil) && (
        <p className="form-hint">
          {c.hiddenFromSubjectUntil === 'never'
            ? t('work.hiddenFromSubject')
            : t('work.hiddenUntilStage', {
                stage: textOf(
                  c.definition.stages.find((s) => s.id === c.hiddenFromSubjectUntil)?.label,
                  locale,
                ),
              })}
        </p>
      )}
      <ul className="nobullet-list">
        {c.definition.stages.map((stage) => (
          <li key={stage.id}>
            {c.stagesReached.includes(stage.id) ? (
              <>✓ {textOf(stage.label, locale)}</>
            ) : canMark ? (
              <button
                type="button"
                className="button button-secondary"
                disabled={busy}
                onClick={() => onMark(stage.id)}
              >
                {t('work.markStage', { stage: textOf(stage.label, locale) })}
              </button>
            ) : (
              textOf(stage.label, locale)
            )}
          </li>
        ))}
      </ul>
      <CaseActionError error={error} />
      <SuccessNotice text={done} />
    </section>
  );
}
