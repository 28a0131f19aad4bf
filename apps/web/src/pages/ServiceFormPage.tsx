import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import {
  audienceMatches,
  fieldVisible,
  flatAnswers,
  requiredDocuments,
  sectionVisible,
  textOf,
  validateAnswers,
  type AnswerValue,
  type Answers,
  type FormError,
  type Persona,
  type SectionAnswers,
  type TSection,
  type TServiceDefinition,
} from '@indgang/schemas';
import { api, ApiError, newIdempotencyKey } from '../api/apiClient';
import { useApi } from '../api/useApi';
import { ErrorAlert } from '../components/ErrorAlert';
import { FormFieldInput } from '../components/FormFieldInput';
import { Loading } from '../components/Loading';
import { Page } from '../components/Page';
import { useI18n } from '../i18n/I18nProvider';

interface ServiceResponse {
  definition: TServiceDefinition;
  persona: Persona;
  draft: { answers: Answers; savedAt: string } | null;
}

/**
 * A service's form: guidance and rules beside the fields they concern, the documentation the case
 * needs shown before submitting, drafts saved as you go, and the same validation the server runs.
 */
export function ServiceFormPage() {
  const { id = '' } = useParams();
  const service = useApi<ServiceResponse>(`/api/v1/catalog/services/${encodeURIComponent(id)}`);
  const { t } = useI18n();
  if (service.error)
    return (
      <Page title={t('catalog.title')}>
        <ErrorAlert error={service.error} />
      </Page>
    );
  if (!service.data) return <Loading />;
  return <ServiceForm {...service.data} />;
}

function ServiceForm({ definition: def, persona, draft }: ServiceResponse) {
  const { t, locale, pick } = useI18n();
  const navigate = useNavigate();
  const [answers, setAnswers] = useState<Answers>(() => draft?.answers ?? initialAnswers(def));
  const [errors, setErrors] = useState<FormError[]>([]);
  const [serverError, setServerError] = useState<ApiError>();
  const [savedAt, setSavedAt] = useState<string | null>(draft?.savedAt ?? null);
  const [busy, setBusy] = useState(false);
  const touched = useRef(false);
  const summary = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!touched.current) return;
    const timer = setTimeout(() => {
      void api<{ savedAt: string }>(`/api/v1/catalog/services/${def.id}/draft`, {
        method: 'PUT',
        body: JSON.stringify({ answers }),
      }).then(
        (r) => setSavedAt(r.savedAt),
        () => undefined,
      );
    }, 800);
    return () => clearTimeout(timer);
  }, [answers, def.id]);

  const values = flatAnswers(def, answers);
  const documents = useMemo(() => requiredDocuments(def, answers), [def, answers]);
  // A file field that satisfies a documentation requirement is not optional, whatever its own flag.
  const documentFields = new Set(documents.map((d) => d.field));
  const setValue = (sectionId: string, index: number | null, fieldId: string, value: AnswerValue) => {
    touched.current = true;
    setAnswers((prev) => {
      const current = prev[sectionId];
      if (index === null)
        return { ...prev, [sectionId]: { ...(current as SectionAnswers), [fieldId]: value } };
      const items = [...(current as SectionAnswers[])];
      items[index] = { ...items[index], [fieldId]: value };
      return { ...prev, [sectionId]: items };
    });
  };
  const errorFor = (path: string) => errors.find((e) => e.path === path);
  // One key per submission: sending the same answers again after a failure reuses it, so a case
  // whose receipt was lost on the way is not stored twice.
  const submission = useRef<{ body: string; key: string } | null>(null);

  const submit = async (e: FormEvent, confirmNotDuplicate = false) => {
    e.preventDefault();
    setServerError(undefined);
    const result = validateAnswers(def, answers, persona, { requireDocuments: true });
    setErrors(result.errors);
    if (result.errors.length > 0) {
      summary.current?.focus();
      return;
    }
    setBusy(true);
    try {
      const body = JSON.stringify({ serviceId: def.id, answers, confirmNotDuplicate });
      if (submission.current?.body !== body) submission.current = { body, key: newIdempotencyKey() };
      const created = await api<{ id: string; number: string }>('/api/v1/cases', {
        method: 'POST',
        body,
        idempotencyKey: submission.current.key,
      });
      submission.current = null;
      void navigate(`/sager/${created.id}?kvittering=1`);
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      setServerError(err);
      setErrors(
        err.body.fields.map((f) => ({ path: f.path, field: f.column ?? f.path, message: f.message })),
      );
      summary.current?.focus();
    } finally {
      setBusy(false);
    }
  };

  const renderFields = (section: TSection, item: SectionAnswers, index: number | null) => {
    const scope = index === null ? values : { ...values, ...item };
    return section.fields
      .filter((f) => fieldVisible(f, scope, persona))
      .map((field) => {
        const path = index === null ? `${section.id}.${field.id}` : `${section.id}[${index}].${field.id}`;
        const guidance = (field.guidance ?? []).filter((g) => audienceMatches(g.audience, persona));
        return (
          <div className="field-row" key={path}>
            <div className="field-input">
              <FormFieldInput
                field={documentFields.has(field.id) ? { ...field, required: true } : field}
                inputId={`f-${path.replace(/[^a-zA-Z0-9]/g, '-')}`}
                value={item[field.id]}
                error={errorFor(path)}
                onChange={(v) => setValue(section.id, index, field.id, v)}
              />
            </div>
            {guidance.length > 0 && (
              <aside
                className="field-guidance"
                aria-label={t('form.guidanceFor', { field: textOf(field.label, locale) })}
              >
                {guidance.map((g, i) => (
                  <p key={i}>{textOf(g.text, locale)}</p>
                ))}
              </aside>
            )}
          </div>
        );
      });
  };

  return (
    <Page title={textOf(def.name, locale)}>
      <p className="font-lead">{textOf(def.summary, locale)}</p>
      <p>
        <Link to="/services">{t('catalog.back')}</Link>
      </p>
      <div ref={summary} tabIndex={-1}>
        {serverError && serverError.body.code === 'duplicate_case' ? (
          <div className="alert alert-warning" role="alert">
            <p className="alert-text">{pick(serverError.body.message)}</p>
            <p>
              <Link
                className="button button-secondary"
                to={`/sager/${String((serverError.body as { data?: { caseId?: string } }).data?.caseId)}`}
              >
                {t('form.openExisting')}
              </Link>{' '}
              <button type="button" className="button button-tertiary" onClick={(e) => void submit(e, true)}>
                {t('form.submitAnyway')}
              </button>
            </p>
          </div>
        ) : serverError ? (
          <ErrorAlert error={serverError} />
        ) : null}
        {errors.length > 0 && !serverError && (
          <div className="alert alert-error" role="alert">
            <p className="alert-heading">{t('form.errorSummary', { n: errors.length })}</p>
            <ul>
              {errors.map((e) => (
                <li key={e.path}>{pick(e.message)}</li>
              ))}
            </ul>
          </div>
        )}
      </div>
      <form noValidate onSubmit={(e) => void submit(e)}>
        {def.sections
          .filter((s) => sectionVisible(s, values))
          .map((section) => {
            const sectionGuidance = (section.guidance ?? []).filter((g) =>
              audienceMatches(g.audience, persona),
            );
            const value = answers[section.id];
            return (
              <fieldset key={section.id} className="form-section">
                <legend className="h2">{textOf(section.title, locale)}</legend>
                {sectionGuidance.map((g, i) => (
                  <div key={i} className="alert alert-info">
                    <p className="alert-text">{textOf(g.text, locale)}</p>
                  </div>
                ))}
                {section.repeat ? (
                  <>
                    {(value as SectionAnswers[]).map((item, i) => (
                      <div key={i} className="repeat-item">
                        <h3>
                          {textOf(section.repeat!.itemLabel, locale)} {i + 1}
                        </h3>
                        {renderFields(section, item, i)}
                        {(value as SectionAnswers[]).length > section.repeat!.min && (
                          <button
                            type="button"
                            className="button button-tertiary"
                            onClick={() => {
                              touched.current = true;
                              setAnswers((p) => ({
                                ...p,
                                [section.id]: (p[section.id] as SectionAnswers[]).filter((_, j) => j !== i),
                              }));
                            }}
                          >
                            {t('form.removeItem', {
                              item: textOf(section.repeat!.itemLabel, locale).toLowerCase(),
                            })}
                          </button>
                        )}
                      </div>
                    ))}
                    {(value as SectionAnswers[]).length < section.repeat.max && (
                      <button
                        type="button"
                        className="button button-secondary"
                        onClick={() => {
                          touched.current = true;
                          setAnswers((p) => ({
                            ...p,
                            [section.id]: [...(p[section.id] as SectionAnswers[]), {}],
                          }));
                        }}
                      >
                        {t('form.addItem', { item: textOf(section.repeat.itemLabel, locale).toLowerCase() })}
                      </button>
                    )}
                  </>
                ) : (
                  renderFields(section, value as SectionAnswers, null)
                )}
              </fieldset>
            );
          })}
        <section aria-labelledby="docs-heading" className="documents-panel">
          <h2 id="docs-heading">{t('form.documents')}</h2>
          {documents.length === 0 ? (
            <p>{t('form.noDocuments')}</p>
          ) : (
            <ul className="document-list">
              {documents.map((d) => (
                <li key={d.id} data-satisfied={d.satisfied}>
                  <span aria-hidden="true">{d.satisfied ? '✓' : '○'}</span> {textOf(d.label, locale)} –{' '}
                  {d.satisfied ? t('form.docAttached') : t('form.docMissing')}
                  {d.why && <span className="form-hint"> {textOf(d.why, locale)}</span>}
                </li>
              ))}
            </ul>
          )}
        </section>
        <p aria-live="polite" className="draft-status">
          {savedAt &&
            t('form.draftSaved', {
              time: new Date(savedAt).toLocaleTimeString(locale === 'da' ? 'da-DK' : 'en-GB', {
                hour: '2-digit',
                minute: '2-digit',
              }),
            })}
        </p>
        <button type="submit" className="button button-primary" disabled={busy}>
          {t('form.submit')}
        </button>
      </form>
    </Page>
  );
}

function initialAnswers(def: TServiceDefinition): Answers {
  const answers: Answers = {};
  for (const s of def.sections)
    answers[s.id] = s.repeat ? Array.from({ length: Math.max(1, s.repeat.min) }, () => ({})) : {};
  return answers;
}
