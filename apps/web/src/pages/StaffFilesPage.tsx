import './papers.css';
import { useSearchParams } from 'react-router';
import type { TUnitDetail } from '@indgang/schemas';
import { useApi } from '../api/useApi';
import { ErrorAlert } from '../components/ErrorAlert';
import { Loading } from '../components/Loading';
import { Page } from '../components/Page';
import { PersonnelFileDocuments } from '../components/PersonnelFileDocuments';
import { useI18n } from '../i18n/I18nProvider';
import { useSession } from '../session/SessionProvider';

/**
 * A leader's (or her deputy's) digital view of her staff's personnel files ("kigge-adgang"): pick
 * a unit she leads or stands in for, then a person in it, and the file's documents are fetched at
 * once, each view audited. The unit's own leaders are not offered (a deputy does not read her
 * leader's file, and a leader reads her own under "Mine papirer"). What is shown lives in the
 * address, so the back button returns to it.
 */
export function StaffFilesPage() {
  const { t } = useI18n();
  const { me } = useSession();
  const [params, setParams] = useSearchParams();
  const units = me ? [...new Set([...me.ledUnitIds, ...me.delegatedUnitIds])] : [];
  const unitId = units.find((u) => u === params.get('enhed')) ?? units[0] ?? null;
  const personId = params.get('person');
  const unit = useApi<TUnitDetail>(unitId ? `/api/v1/org/units/${encodeURIComponent(unitId)}` : null);
  const leaders = new Set(unit.data?.leaders.map((l) => l.personId) ?? []);
  const staff = (unit.data?.employees ?? [])
    .filter((e) => !leaders.has(e.personId) && e.personId !== me?.personId)
    .filter((e, i, all) => all.findIndex((o) => o.personId === e.personId) === i);
  const chosen = staff.find((e) => e.personId === personId);
  const choose = (next: Record<string, string | null>) =>
    setParams((current) => {
      const merged = new URLSearchParams(current);
      for (const [key, value] of Object.entries(next)) {
        if (value) merged.set(key, value);
        else merged.delete(key);
      }
      return merged;
    });

  return (
    <Page title={t('staffFiles.title')}>
      <p>{t('staffFiles.intro')}</p>
      {units.length === 0 ? (
        <p>{t('staffFiles.noUnits')}</p>
      ) : (
        <>
          {units.length > 1 && (
            <div className="form-group">
              <label className="form-label" htmlFor="staff-unit">
                {t('staffFiles.unit')}
              </label>
              <select
                id="staff-unit"
                className="form-select"
                value={unitId ?? ''}
                onChange={(e) => choose({ enhed: e.target.value, person: null })}
              >
                {units.map((u) => (
                  <option key={u} value={u}>
                    {me?.unitNames[u] ?? u}
                  </option>
                ))}
              </select>
            </div>
          )}
          <ErrorAlert error={unit.error} />
          {unit.loading && <Loading />}
          {unit.data && (
            <section aria-labelledby="staff-heading">
              <h2 id="staff-heading">
                {t('staffFiles.staff')}: {unit.data.name}
              </h2>
              {staff.length === 0 ? (
                <p>{t('staffFiles.noStaff')}</p>
              ) : (
                <ul className="staff-list nobullet-list">
                  {staff.map((e) => (
                    <li key={e.personId}>
                      <span className="staff-name">
                        <strong>{e.name}</strong>, {e.position}
                      </span>
                      {e.personId === personId ? (
                        <span>{t('staffFiles.shown')}</span>
                      ) : (
                        <button
                          type="button"
                          className="button button-secondary"
                          aria-label={t('staffFiles.showLabel', { name: e.name })}
                          onClick={() => choose({ enhed: unitId, person: e.personId })}
                        >
                          {t('staffFiles.show')}
                        </button>
                      )}
                    </li>
                  ))}
                </ul>
              )}
            </section>
          )}
          {chosen && (
            <section aria-labelledby="staff-file">
              <h2 id="staff-file">{t('staffFiles.fileOf', { name: chosen.name })}</h2>
              <PersonnelFileDocuments
                personId={chosen.personId}
                showVisibility
                label={t('staffFiles.fileOf', { name: chosen.name })}
              />
            </section>
          )}
        </>
      )}
    </Page>
  );
}
