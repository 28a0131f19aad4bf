import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { KPI_SOURCE, KPI_SOURCES, KPI_UNIT, KPI_UNITS } from '@indgang/schemas';
import { api, ApiError } from '../../api/apiClient';
import { useApi } from '../../api/useApi';
import { KpiChart } from '../../components/benefits/KpiChart';
import { formatNumber } from '../../components/benefits/formatNumber';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SuccessNotice } from '../../components/SuccessNotice';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { useI18n } from '../../i18n/I18nProvider';
import type { ProjectView } from './ProjectPage';

interface Kpi {
  id: string;
  name: string;
  unit: string;
  direction: string;
  baseline: number;
  baselineDate: string;
  targetPessimistic: number | null;
  targetLikely: number;
  targetOptimistic: number | null;
  deadline: string;
  howAchieved: string;
  howMeasured: string;
  followUpBy: string;
  followUpWhen: string;
  source: string;
  serviceId: string | null;
  administrationId: string | null;
  minutesSavedPerCase: number | null;
  pricePerEffectiveHour: number | null;
  version: number;
  measurements: Array<{
    id: number;
    measuredOn: string;
    value: number;
    kind: string;
    note: string;
    recordedByName: string;
  }>;
  series: Array<{ month: string; value: number | null; basis: number | null }>;
  points: Array<{ on: string; value: number }>;
  latest: { on: string; value: number } | null;
  progressPercent: number | null;
}
interface Options {
  services: Array<{ id: string; name: { da: string; en: string } | string }>;
  administrations: Array<{ id: string; name: string }>;
}

const KIND: Record<string, { da: string; en: string }> = {
  before: { da: 'Førmåling', en: 'Before' },
  after: { da: 'Eftermåling', en: 'After' },
  actual: { da: 'Løbende', en: 'Running' },
};
const EMPTY = {
  name: '',
  unit: 'percent',
  direction: 'decrease',
  baseline: '',
  baselineDate: '',
  targetPessimistic: '',
  targetLikely: '',
  targetOptimistic: '',
  deadline: '',
  howAchieved: '',
  howMeasured: '',
  followUpBy: '',
  followUpWhen: '',
  source: 'manual',
  serviceId: '',
  administrationId: '',
  minutesSavedPerCase: '',
  pricePerEffectiveHour: '',
};

/** A project's KPIs with SMART fields, a chart of baseline, target and actuals, and measurements. */
export function KpiPage() {
  const { id } = useParams();
  const { pick, locale } = useI18n();
  const project = useApi<ProjectView>(`/api/v1/projects/${id}`);
  const kpis = useApi<Kpi[]>(`/api/v1/projects/${id}/kpis`);
  const options = useApi<Options>(project.data?.canManage ? '/api/v1/benefits/options' : null);
  const [form, setForm] = useState(EMPTY);
  const [editing, setEditing] = useState<{ id: string; version: number } | null>(null);
  const [error, setError] = useState<ApiError>();
  const [notice, setNotice] = useState('');
  const set = (key: keyof typeof EMPTY) => (e: { target: { value: string } }) =>
    setForm((f) => ({ ...f, [key]: e.target.value }));
  const onCreate = async (e: FormEvent) => {
    e.preventDefault();
    setError(undefined);
    setNotice('');
    const body = Object.fromEntries(Object.entries(form).filter(([, v]) => v !== ''));
    try {
      if (editing)
        await api(`/api/v1/projects/${id}/kpis/${editing.id}`, {
          method: 'PUT',
          body: JSON.stringify({ ...body, expectedVersion: editing.version }),
        });
      else await api(`/api/v1/projects/${id}/kpis`, { method: 'POST', body: JSON.stringify(body) });
      setForm(EMPTY);
      setEditing(null);
      setNotice(
        editing
          ? pick({ da: "KPI'en er gemt.", en: 'The KPI was saved.' })
          : pick({ da: "KPI'en er oprettet.", en: 'The KPI was created.' }),
      );
      kpis.reload();
    } catch (err) {
      if (err instanceof ApiError) setError(err);
    }
  };
  if (!project.data)
    return (
      <Page title="KPI">
        <ErrorAlert error={project.error} />
        {project.loading && <Loading />}
      </Page>
    );
  const field = (
    key: keyof typeof EMPTY,
    label: { da: string; en: string },
    props: Record<string, unknown> = {},
  ) => (
    <div className="form-group">
      <label className="form-label" htmlFor={`kpi-${key}`}>
        {pick(label)}
      </label>
      <input id={`kpi-${key}`} className="form-input" value={form[key]} onChange={set(key)} {...props} />
    </div>
  );
  const edit = (k: Kpi) => {
    const text = (v: number | null) => (v === null ? '' : String(v));
    setForm({
      name: k.name,
      unit: k.unit,
      direction: k.direction,
      baseline: String(k.baseline),
      baselineDate: k.baselineDate,
      targetPessimistic: text(k.targetPessimistic),
      targetLikely: String(k.targetLikely),
      targetOptimistic: text(k.targetOptimistic),
      deadline: k.deadline,
      howAchieved: k.howAchieved,
      howMeasured: k.howMeasured,
      followUpBy: k.followUpBy,
      followUpWhen: k.followUpWhen,
      source: k.source,
      serviceId: k.serviceId ?? '',
      administrationId: k.administrationId ?? '',
      minutesSavedPerCase: text(k.minutesSavedPerCase),
      pricePerEffectiveHour: text(k.pricePerEffectiveHour),
    });
    setEditing({ id: k.id, version: k.version });
    document.getElementById('kpi-form')?.scrollIntoView();
    document.getElementById('kpi-name')?.focus();
  };
  const serviceName = (s: Options['services'][number]) =>
    typeof s.name === 'string' ? s.name : pick(s.name);
  return (
    <Page title={`KPI'er: ${project.data.name}`}>
      <p>
        <Link to={`/gevinster/projekter/${id}`}>{`← ${project.data.name}`}</Link>
      </p>
      <ErrorAlert error={kpis.error} />
      {kpis.loading && !kpis.data && <Loading />}
      {kpis.data?.length === 0 && (
        <p>{pick({ da: "Projektet har ingen KPI'er endnu.", en: 'The project has no KPIs yet.' })}</p>
      )}
      {kpis.data?.map((k) => {
        const unit = pick(KPI_UNIT[k.unit] ?? { da: k.unit, en: k.unit });
        return (
          <section key={k.id} className="kpi-card" aria-labelledby={`kpi-title-${k.id}`}>
            <h2 id={`kpi-title-${k.id}`}>{k.name}</h2>
            <dl className="facts">
              <dt>{pick({ da: 'Måles', en: 'Measured' })}</dt>
              <dd>
                {pick(KPI_SOURCE[k.source] ?? { da: k.source, en: k.source })} ({unit})
                {k.serviceId && <> · {k.serviceId}</>}
                {k.administrationId && <> · {k.administrationId}</>}
              </dd>
              <dt>Baseline</dt>
              <dd>
                {formatNumber(k.baseline, locale, 2)} {unit} ({k.baselineDate})
              </dd>
              <dt>{pick({ da: 'Mål', en: 'Target' })}</dt>
              <dd>
                {formatNumber(k.targetLikely, locale, 2)} {unit} {pick({ da: 'senest', en: 'by' })}{' '}
                {k.deadline}
                {(k.targetPessimistic !== null || k.targetOptimistic !== null) && (
                  <>
                    {' '}
                    ({pick({ da: 'pessimistisk', en: 'pessimistic' })}{' '}
                    {formatNumber(k.targetPessimistic, locale, 2)},{' '}
                    {pick({ da: 'optimistisk', en: 'optimistic' })}{' '}
                    {formatNumber(k.targetOptimistic, locale, 2)})
                  </>
                )}
              </dd>
              <dt>{pick({ da: 'Hvordan det nås', en: 'How it is achieved' })}</dt>
              <dd>{k.howAchieved}</dd>
              <dt>{pick({ da: 'Hvordan det måles', en: 'How it is measured' })}</dt>
              <dd>{k.howMeasured}</dd>
              <dt>{pick({ da: 'Hvem følger op, hvornår', en: 'Who follows up, when' })}</dt>
              <dd>
                {k.followUpBy}, {k.followUpWhen}
              </dd>
              <dt>{pick({ da: 'Seneste', en: 'Latest' })}</dt>
              <dd>
                {k.latest ? `${formatNumber(k.latest.value, locale, 2)} ${unit} (${k.latest.on})` : '–'}
                {k.progressPercent !== null && (
                  <>
                    {' '}
                    ·{' '}
                    {pick({
                      da: `${formatNumber(k.progressPercent, locale, 1)} % af vejen fra baseline til mål`,
                      en: `${formatNumber(k.progressPercent, locale, 1)} % of the way from baseline to target`,
                    })}
                  </>
                )}
              </dd>
            </dl>
            <KpiChart kpi={k} />
            <details>
              <summary>{pick({ da: 'Tal bag grafen', en: 'Figures behind the chart' })}</summary>
              <table className="table table--compact">
                <caption className="sr-only">
                  {pick({ da: `Målinger for ${k.name}`, en: `Measurements for ${k.name}` })}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{pick({ da: 'Dato/måned', en: 'Date/month' })}</th>
                    <th scope="col" className="num">
                      {pick({ da: 'Værdi', en: 'Value' })}
                    </th>
                    <th scope="col">{pick({ da: 'Kilde', en: 'Source' })}</th>
                  </tr>
                </thead>
                <tbody>
                  {k.measurements.map((m) => (
                    <tr key={`m${m.id}`}>
                      <td>{m.measuredOn}</td>
                      <td className="num">
                        {formatNumber(m.value, locale, 2)} {unit}
                      </td>
                      <td>
                        {pick(KIND[m.kind] ?? { da: m.kind, en: m.kind })}: {m.recordedByName}
                        {m.note && ` – ${m.note}`}
                      </td>
                    </tr>
                  ))}
                  {k.series.map((s) => (
                    <tr key={s.month}>
                      <td>{s.month}</td>
                      <td className="num">
                        {s.value === null ? '< 5' : `${formatNumber(s.value, locale, 2)} ${unit}`}
                      </td>
                      <td>
                        {s.basis === null
                          ? pick({
                              da: 'Indgang, færre end 5 sager (vises ikke)',
                              en: 'Indgang, fewer than 5 cases (not shown)',
                            })
                          : pick({ da: `Indgang, ${s.basis} sager`, en: `Indgang, ${s.basis} cases` })}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </details>
            {project.data!.canRecord && <MeasurementForm kpiId={k.id} onSaved={kpis.reload} />}
            {project.data!.canManage && (
              <p className="no-print">
                <button type="button" className="button button-secondary" onClick={() => edit(k)}>
                  {pick({ da: "Ret KPI'en", en: 'Edit the KPI' })}
                  <span className="sr-only"> {k.name}</span>
                </button>
              </p>
            )}
          </section>
        );
      })}
      {project.data.canManage && (
        <form id="kpi-form" onSubmit={(e) => void onCreate(e)} className="no-print">
          <h2>{editing ? pick({ da: 'Ret KPI', en: 'Edit KPI' }) : pick({ da: 'Ny KPI', en: 'New KPI' })}</h2>
          {field(
            'name',
            { da: 'Hvad måles (navn)', en: 'What is measured (name)' },
            { required: true, maxLength: 200 },
          )}
          <div className="inline-fields">
            <div className="form-group">
              <label className="form-label" htmlFor="kpi-source">
                {pick({ da: 'Målemetode', en: 'Measured how' })}
              </label>
              <select id="kpi-source" className="form-select" value={form.source} onChange={set('source')}>
                {KPI_SOURCES.map((s) => (
                  <option key={s} value={s}>
                    {pick(KPI_SOURCE[s]!)}
                  </option>
                ))}
              </select>
            </div>
            <div className="form-group">
              <label className="form-label" htmlFor="kpi-unit">
                {pick({ da: 'Enhed', en: 'Unit' })}
              </label>
              <select id="kpi-unit" className="form-select" value={form.unit} onChange={set('unit')}>
                {KPI_UNITS.map((u) => (
                  <option key={u} value={u}>
                    {pick(KPI_UNIT[u]!)}
                  </option>
                ))}
              </select>
            </div>
            <div className="form-group">
              <label className="form-label" htmlFor="kpi-direction">
                {pick({ da: 'Retning', en: 'Direction' })}
              </label>
              <select
                id="kpi-direction"
                className="form-select"
                value={form.direction}
                onChange={set('direction')}
              >
                <option value="decrease">{pick({ da: 'Skal falde', en: 'Should fall' })}</option>
                <option value="increase">{pick({ da: 'Skal stige', en: 'Should rise' })}</option>
              </select>
            </div>
          </div>
          {form.source !== 'manual' && (
            <div className="inline-fields">
              <div className="form-group">
                <label className="form-label" htmlFor="kpi-serviceId">
                  {pick({ da: 'Service (tom: alle)', en: 'Service (empty: all)' })}
                </label>
                <select
                  id="kpi-serviceId"
                  className="form-select"
                  value={form.serviceId}
                  onChange={set('serviceId')}
                >
                  <option value="">{pick({ da: 'Alle services', en: 'All services' })}</option>
                  {options.data?.services.map((s) => (
                    <option key={s.id} value={s.id}>
                      {serviceName(s)}
                    </option>
                  ))}
                </select>
              </div>
              <div className="form-group">
                <label className="form-label" htmlFor="kpi-administrationId">
                  {pick({ da: 'Forvaltning (tom: alle)', en: 'Administration (empty: all)' })}
                </label>
                <select
                  id="kpi-administrationId"
                  className="form-select"
                  value={form.administrationId}
                  onChange={set('administrationId')}
                >
                  <option value="">{pick({ da: 'Hele kommunen', en: 'Whole municipality' })}</option>
                  {options.data?.administrations.map((a) => (
                    <option key={a.id} value={a.id}>
                      {a.name}
                    </option>
                  ))}
                </select>
              </div>
              {form.source === 'automation_value_kr' && (
                <>
                  {field(
                    'minutesSavedPerCase',
                    { da: 'Sparede minutter pr. sag', en: 'Minutes saved per case' },
                    { inputMode: 'decimal' },
                  )}
                  {field(
                    'pricePerEffectiveHour',
                    { da: 'Pris pr. effektiv time (kr.)', en: 'Price per effective hour (DKK)' },
                    { inputMode: 'decimal' },
                  )}
                </>
              )}
            </div>
          )}
          <div className="inline-fields">
            {field('baseline', { da: 'Baseline', en: 'Baseline' }, { required: true, inputMode: 'decimal' })}
            {field(
              'baselineDate',
              { da: 'Baseline-dato', en: 'Baseline date' },
              { required: true, type: 'date' },
            )}
            {field(
              'targetPessimistic',
              { da: 'Mål, pessimistisk', en: 'Target, pessimistic' },
              { inputMode: 'decimal' },
            )}
            {field(
              'targetLikely',
              { da: 'Mål, forventet', en: 'Target, likely' },
              { required: true, inputMode: 'decimal' },
            )}
            {field(
              'targetOptimistic',
              { da: 'Mål, optimistisk', en: 'Target, optimistic' },
              { inputMode: 'decimal' },
            )}
            {field('deadline', { da: 'Frist', en: 'Deadline' }, { required: true, type: 'date' })}
          </div>
          {field(
            'howAchieved',
            { da: 'Hvordan nås målet', en: 'How the target is achieved' },
            { required: true, maxLength: 2000 },
          )}
          {field(
            'howMeasured',
            { da: 'Hvordan måles det', en: 'How it is measured' },
            { required: true, maxLength: 2000 },
          )}
          <div className="inline-fields">
            {field(
              'followUpBy',
              { da: 'Hvem følger op', en: 'Who follows up' },
              { required: true, maxLength: 200 },
            )}
            {field('followUpWhen', { da: 'Hvornår', en: 'When' }, { required: true, maxLength: 200 })}
          </div>
          <button type="submit" className="button button-primary">
            {editing ? pick({ da: 'Gem KPI', en: 'Save KPI' }) : pick({ da: 'Opret KPI', en: 'Create KPI' })}
          </button>
          {editing && (
            <>
              {' '}
              <button
                type="button"
                className="button button-secondary"
                onClick={() => {
                  setEditing(null);
                  setForm(EMPTY);
                }}
              >
                {pick({ da: 'Fortryd', en: 'Cancel' })}
              </button>
            </>
          )}
        </form>
      )}
      <ErrorAlert error={error} />
      <SuccessNotice text={notice} />
    </Page>
  );
}

function MeasurementForm({ kpiId, onSaved }: { kpiId: string; onSaved(): void }) {
  const { pick } = useI18n();
  const [measuredOn, setMeasuredOn] = useState('');
  const [value, setValue] = useState('');
  const [kind, setKind] = useState('actual');
  const [note, setNote] = useState('');
  const [error, setError] = useState<ApiError>();
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setError(undefined);
    try {
      await api(`/api/v1/kpis/${kpiId}/measurements`, {
        method: 'POST',
        body: JSON.stringify({ measuredOn, value, kind, note }),
      });
      setValue('');
      setNote('');
      onSaved();
    } catch (err) {
      if (err instanceof ApiError) setError(err);
    }
  };
  return (
    <form onSubmit={(e) => void onSubmit(e)} className="no-print">
      <h3>{pick({ da: 'Indtast måling', en: 'Enter a measurement' })}</h3>
      <div className="inline-fields">
        <div className="form-group">
          <label className="form-label" htmlFor={`m-date-${kpiId}`}>
            {pick({ da: 'Dato', en: 'Date' })}
          </label>
          <input
            id={`m-date-${kpiId}`}
            type="date"
            className="form-input"
            required
            value={measuredOn}
            onChange={(e) => setMeasuredOn(e.target.value)}
          />
        </div>
        <div className="form-group">
          <label className="form-label" htmlFor={`m-value-${kpiId}`}>
            {pick({ da: 'Værdi', en: 'Value' })}
          </label>
          <input
            id={`m-value-${kpiId}`}
            className="form-input"
            inputMode="decimal"
            required
            value={value}
            onChange={(e) => setValue(e.target.value)}
          />
        </div>
        <div className="form-group">
          <label className="form-label" htmlFor={`m-kind-${kpiId}`}>
            {pick({ da: 'Slags', en: 'Kind' })}
          </label>
          <select
            id={`m-kind-${kpiId}`}
            className="form-select"
            value={kind}
            onChange={(e) => setKind(e.target.value)}
          >
            {Object.entries(KIND).map(([k, v]) => (
              <option key={k} value={k}>
                {pick(v)}
              </option>
            ))}
          </select>
        </div>
        <div className="form-group">
          <label className="form-label" htmlFor={`m-note-${kpiId}`}>
            {pick({ da: 'Note', en: 'Note' })}
          </label>
          <input
            id={`m-note-${kpiId}`}
            className="form-input"
            maxLength={1000}
            value={note}
            onChange={(e) => setNote(e.target.value)}
          />
        </div>
        <button type="submit" className="button button-secondary">
          {pick({ da: 'Gem måling', en: 'Save measurement' })}
        </button>
      </div>
      <ErrorAlert error={error} />
    </form>
  );
}
