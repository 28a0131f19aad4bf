import { useI18n } from '../../../i18n/I18nProvider';
import type { Draft, UpdateDraft } from './businessCaseDraft';

/** Title, price level and first year of the business case, and the buttons that add or remove a year. */
export function BusinessCaseSettings({ draft, update }: { draft: Draft; update: UpdateDraft }) {
  const { t } = useI18n();
  const years = draft.lines[0]?.amounts.length ?? 0;
  return (
    <div className="inline-fields">
      <div className="form-group">
        <label className="form-label" htmlFor="bc-title">
          {t('businessCase.title')}
        </label>
        <input
          id="bc-title"
          className="form-input line-label"
          value={draft.title}
          onChange={(e) =>
            update((d) => {
              d.title = e.target.value;
            })
          }
        />
      </div>
      <div className="form-group">
        <label className="form-label" htmlFor="bc-price">
          {t('businessCase.priceLevel')}
        </label>
        <input
          id="bc-price"
          className="form-input"
          inputMode="numeric"
          value={draft.priceLevel}
          onChange={(e) =>
            update((d) => {
              d.priceLevel = e.target.value;
            })
          }
        />
      </div>
      <div className="form-group">
        <label className="form-label" htmlFor="bc-first">
          {t('businessCase.firstYear')}
        </label>
        <input
          id="bc-first"
          className="form-input"
          inputMode="numeric"
          value={draft.firstYear}
          onChange={(e) =>
            update((d) => {
              d.firstYear = e.target.value;
            })
          }
        />
      </div>
      <button
        type="button"
        className="button button-secondary"
        onClick={() => update((d) => d.lines.forEach((l) => l.amounts.push('0')))}
      >
        {t('businessCase.addYear')}
      </button>
      <button
        type="button"
        className="button button-secondary"
        disabled={years <= 1}
        onClick={() => update((d) => d.lines.forEach((l) => l.amounts.pop()))}
      >
        {t('businessCase.removeYear')}
      </button>
    </div>
  );
}
