import { useI18n } from '../../../i18n/I18nProvider';
import { BusinessCaseLine } from './BusinessCaseLine';
import { newLine, type Draft, type UpdateDraft } from './businessCaseDraft';
import { ScrollRegion } from '../../../components/ScrollRegion';

/** The lines of the business case by year (1,000 DKK), and the buttons that add one of either kind. */
export function BusinessCaseLines({ draft, update }: { draft: Draft; update: UpdateDraft }) {
  const { t } = useI18n();
  const years = draft.lines[0]?.amounts.length ?? 0;
  const first = Number(draft.firstYear) || new Date().getFullYear();
  return (
    <>
      <ScrollRegion label={t('businessCase.lines')}>
        <table className="table table--compact">
          <caption>{t('businessCase.lines')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('businessCase.label')}</th>
              <th scope="col">{t('businessCase.kind')}</th>
              <th scope="col">{t('businessCase.area')}</th>
              {Array.from({ length: years }, (_, j) => (
                <th key={j} scope="col">
                  {first + j}
                </th>
              ))}
              <th scope="col">
                <span className="sr-only">{t('businessCase.remove')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {draft.lines.map((line, i) => (
              <BusinessCaseLine
                key={i}
                line={line}
                index={i}
                firstYear={first}
                removable={draft.lines.length > 1}
                update={update}
              />
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      <p>
        <button
          type="button"
          className="button button-secondary"
          onClick={() =>
            update((d) => {
              d.lines.push(newLine('permanent', years));
            })
          }
        >
          {t('businessCase.addPermanent')}
        </button>{' '}
        <button
          type="button"
          className="button button-secondary"
          onClick={() =>
            update((d) => {
              d.lines.push(newLine('implementation', years));
            })
          }
        >
          {t('businessCase.addImplementation')}
        </button>
      </p>
    </>
  );
}
