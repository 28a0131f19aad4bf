import { useI18n } from '../../../i18n/I18nProvider';
import type { Draft, UpdateDraft } from './businessCaseDraft';

/** The committees the total is distributed across, each with its allocation key. */
export function CommitteeFields({ draft, update }: { draft: Draft; update: UpdateDraft }) {
  const { t } = useI18n();
  return (
    <>
      <h3>{t('businessCase.committees')}</h3>
      {draft.committees.map((c, i) => (
        <div className="inline-fields" key={i}>
          <div className="form-group">
            <label className="form-label" htmlFor={`committee-${i}`}>
              {t('businessCase.committee', { n: i + 1 })}
            </label>
            <input
              id={`committee-${i}`}
              className="form-input line-label"
              value={c.name}
              onChange={(e) =>
                update((d) => {
                  d.committees[i]!.name = e.target.value;
                })
              }
            />
          </div>
          <div className="form-group">
            <label className="form-label" htmlFor={`committee-key-${i}`}>
              {t('businessCase.committeeKey')}
            </label>
            <input
              id={`committee-key-${i}`}
              className="form-input"
              inputMode="decimal"
              value={c.keyPercent}
              onChange={(e) =>
                update((d) => {
                  d.committees[i]!.keyPercent = e.target.value;
                })
              }
            />
          </div>
          <button
            type="button"
            className="button button-secondary"
            onClick={() =>
              update((d) => {
                d.committees.splice(i, 1);
              })
            }
          >
            {t('businessCase.removeCommittee')}
          </button>
        </div>
      ))}
      <p>
        <button
          type="button"
          className="button button-secondary"
          onClick={() =>
            update((d) => {
              d.committees.push({ name: '', keyPercent: d.committees.length === 0 ? '100' : '0' });
            })
          }
        >
          {t('businessCase.addCommittee')}
        </button>
      </p>
    </>
  );
}
