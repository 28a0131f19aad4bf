import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import {
  flatAnswers,
  payrollWarnings,
  requiredDocuments,
  sectionVisible,
  untranslatedTexts,
  validateAnswers,
  type Answers,
  type FormError,
  type SectionAnswers,
  type TServiceForm,
  type TSubmitted,
} from '@indgang/schemas';
import { api, ApiError, newIdempotencyKey } from '../../api/apiClient';
import type { TSubmitBody } from '../../api/contract';
import { formDefinition, readAnswers } from '../../api/formAnswers';
import { CatalogText, useCatalogText } from '../../components/CatalogText';
import { Page } from '../../components/Page';
import { dayInDenmark } from '../../i18n/formatDate';
import { useI18n } from '../../i18n/I18nProvider';
import { useSession } from '../../session/SessionProvider';
import { DocumentsPanel } from './DocumentsPanel';
import { initialAnswers, type FormContext } from './formContext';
import { inFormOrder, locateError } from './formErrors';
import { FormSection } from './FormSection';
import { SubmitProblems } from './SubmitProblems';
import { useDraftAutosave } from './useDraftAutosave';
import './serviceForm.css';

/**
 * The form of one service for the person filling it in, from a draft if there is one, to the case.
 * A user with read access only sees the form, told so, with nothing to fill in, save or send.
 */
export function ServiceForm({ definition, persona, draft, payrollRuns }: TServiceForm) {
  const { t, pick, locale } = useI18n();
  const { me } = useSession();
  const readOnly = me?.readOnly ?? false;
  const catalogText = useCatalogText();
  const navigate = useNavigate();
  const def = formDefinition(definition);
  const [answers, setAnswers] = useState<Answers>(() =>
    draft ? readAnswers(draft.answers) : initialAnswers(def),
  );
  const [errors, setErrors] = useState<FormError[]>([]);
  const [serverError, setServerError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const autosave = useDraftAutosave(def.id, answers, draft?.savedAt ?? null, !readOnly);
  const summary = useRef<HTMLDivElement>(null);
  // Bumped on every refused submit, so the summary takes focus once it is drawn (DKFDS).
  const [refusals, setRefusals] = useState(0);
  useEffect(() => {
    if (refusals > 0) summary.current?.focus();
  }, [refusals]);

  const values = flatAnswers(def, answers);
  const documents = useMemo(() => requiredDocuments(def, answers), [def, answers]);
  const located = useMemo(
    () =>
      inFormOrder(
        def,
        errors.map((error) => ({ error, located: locateError(def, error) })),
      ),
    [def, errors],
  );
  const warnings = useMemo(
    () => payrollWarnings(def, answers, persona, payrollRuns, dayInDenmark(new Date().toISOString())),
    [def, answers, persona, payrollRuns],
  );
  const danishOnly = useMemo(
    () => locale === 'en' && untranslatedTexts(definition).length > 0,
    [locale, definition],
  );
  const changeAnswers = (change: (answers: Answers) => Answers) => {
    autosave.touched.current = true;
    setAnswers(change);
  };
  const form: FormContext = {
    values,
    persona,
    testCpr: me?.demo ?? false,
    // A file field that satisfies a documentation requirement is not optional, whatever its own flag.
    documentFields: new Set(documents.map((d) => d.field)),
    errorFor: (path) => located.find((e) => e.located?.path === path)?.error,
    warningFor: (path) => warnings.find((w) => w.path === path)?.message,
    setValue: (sectionId, index, fieldId, value) =>
      changeAnswers((prev) => {
        const current = prev[sectionId];
        if (index === null)
          return { ...prev, [sectionId]: { ...(current as SectionAnswers), [fieldId]: value } };
        const items = [...(current as SectionAnswers[])];
        items[index] = { ...items[index], [fieldId]: value };
        return { ...prev, [sectionId]: items };
      }),
    changeAnswers,
  };
  // One key per submission: sending the same answers again after a failure reuses it, so a case
  // whose receipt was lost on the way is not stored twice.
  const submission = useRef<{ body: string; key: string } | null>(null);

  const submit = async (e: FormEvent, confirmNotDuplicate = false) => {
    e.preventDefault();
    if (readOnly || busy) return;
    setServerError(undefined);
    const result = validateAnswers(def, answers, persona, {
      requireDocuments: true,
      testCpr: me?.demo ?? false,
    });
    setErrors(result.errors);
    if (result.errors.length > 0) {
      setRefusals((n) => n + 1);
      return;
    }
    setBusy(true);
    try {
      const submitted: TSubmitBody = { serviceId: def.id, answers, confirmNotDuplicate };
      const body = JSON.stringify(submitted);
      if (submission.current?.body !== body) submission.current = { body, key: newIdempotencyKey() };
      const created = await api<TSubmitted>('/api/v1/cases', {
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
      setRefusals((n) => n + 1);
    } finally {
      setBusy(false);
    }
  };

  const time = (at: string) =>
    new Date(at).toLocaleTimeString(locale === 'da' ? 'da-DK' : 'en-GB', {
      hour: '2-digit',
      minute: '2-digit',
    });

  return (
    <Page title={catalogText(def.name).marked}>
      <p className="font-lead">
        <CatalogText text={def.summary} />
      </p>
      <p>
        <Link to="/services">{t('catalog.back')}</Link>
      </p>
      {readOnly && (
        <div className="alert alert-info" data-testid="read-only-note">
          <div className="alert-body">
            <p className="alert-heading">{t('serviceForm.readOnlyTitle')}</p>
            <p className="alert-text">{t('serviceForm.readOnly')}</p>
          </div>
        </div>
      )}
      {danishOnly && (
        <div className="alert alert-info">
          <div className="alert-body">
            <p className="alert-text">{t('serviceForm.danishParts')}</p>
          </div>
        </div>
      )}
      <SubmitProblems
        serverError={serverError}
        errors={located}
        focusRef={summary}
        onSubmitAnyway={(e) => void submit(e, true)}
      />
      <form noValidate onSubmit={(e) => void submit(e)}>
        {/* A disabled fieldset disables every control in it: the read-only user only looks. */}
        <fieldset className="form-body" disabled={readOnly}>
          {def.sections
            .filter((s) => sectionVisible(s, values))
            .map((section) => (
              <FormSection key={section.id} section={section} value={answers[section.id]} form={form} />
            ))}
        </fieldset>
        <DocumentsPanel documents={documents} />
        {!readOnly && (
          <>
            {autosave.failure && (
              <div className="alert alert-warning" role="alert">
                <div className="alert-body">
                  <p className="alert-heading">{t('serviceForm.saveFailedTitle')}</p>
                  <p className="alert-text">
                    {pick(autosave.failure.body.message)} {t('serviceForm.saveFailedKeep')}
                  </p>
                  <button type="button" className="button button-secondary" onClick={autosave.retry}>
                    {t('serviceForm.saveRetry')}
                  </button>
                </div>
              </div>
            )}
            <p aria-live="polite" className="draft-status">
              {autosave.failure
                ? t('serviceForm.saveFailedStatus')
                : autosave.savedAt && t('form.draftSaved', { time: time(autosave.savedAt) })}
            </p>
            <button type="submit" className="button button-primary" disabled={busy}>
              {t('form.submit')}
            </button>
          </>
        )}
      </form>
    </Page>
  );
}
