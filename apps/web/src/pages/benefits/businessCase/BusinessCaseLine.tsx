import { useI18n } from '../../../i18n/I18nProvider';
import type { DraftLine, UpdateDraft } from './businessCaseDraft';

/** One row of the lines table: label, kind, area, an amount per year and its remove button. */
export function BusinessCaseLine({
  line,
  index: i,
  firstYear,
  removable,
  update,
}: {
  line: DraftLine;
  index: number;
  firstYear: number;
  removable: boolean;
  update: UpdateDraft;
}) {
  const { t } = useI18n();
  const name = line.label
    ? t('businessCase.lineNamed', { n: i + 1, label: line.label })
    : t('businessCase.line', { n: i + 1 });
  return (
    <tr>
      <td>
        <input
          id={`bc-line-${i}-label`}
          className="form-input line-label"
          aria-label={t('businessCase.lineLabel', { line: name })}
          value={line.label}
          onChange={(e) =>
            update((d) => {
              d.lines[i]!.label = e.target.value;
            })
          }
        />
      </td>
      <td>
        <select
          id={`bc-line-${i}-kind`}
          className="form-select"
          aria-label={t('businessCase.lineKind', { line: name })}
          value={line.kind}
          onChange={(e) =>
            update((d) => {
              d.lines[i]!.kind = e.target.value as 'permanent';
            })
          }
        >
          <option value="permanent">{t('businessCase.permanent')}</option>
          <option value="implementation">{t('businessCase.implementation')}</option>
        </select>
      </td>
      <td>
        <select
          id={`bc-line-${i}-area`}
          className="form-select"
          aria-label={t('businessCase.lineArea', { line: name })}
          value={line.area}
          onChange={(e) =>
            update((d) => {
              d.lines[i]!.area = e.target.value as 'service';
            })
          }
        >
          <option value="service">{t('businessCase.service')}</option>
          <option value="capital">{t('businessCase.capital')}</option>
        </select>
      </td>
      {line.amounts.map((a, j) => (
        <td key={j}>
          <input
            id={`bc-line-${i}-amount-${j}`}
            className="form-input num"
            inputMode="decimal"
            aria-label={`${name}: ${firstYear + j}`}
            value={a}
            onChange={(e) =>
              update((d) => {
                d.lines[i]!.amounts[j] = e.target.value;
              })
            }
          />
        </td>
      ))}
      <td>
        <button
          type="button"
          className="button button-secondary"
          disabled={!removable}
          onClick={() =>
            update((d) => {
              d.lines.splice(i, 1);
            })
          }
        >
          {t('businessCase.remove')}
          <span className="sr-only"> {name}</span>
        </button>
      </td>
    </tr>
  );
}
