import { useMemo, useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import {
  flatAnswers,
  requiredDocuments,
  sectionVisible,
  textOf,
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
import { Page } from '../../components/Page';
import { useI18n } from '../../i18n/I18nProvider';
import { DocumentsPanel } from './DocumentsPanel';
import { initialAnswers, type FormContext } from './formContext';
import { FormSection } from './FormSection';
import { SubmitProblems } from './SubmitProblems';
import { useDraftAutosave } from './useDraftAutosave';

/** The form of one service for the person filling it in, from a draft if there is one, to the case. */
export function ServiceForm({ definition, persona, draft }: TServiceForm) {
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const def = formDefinition(definition);
  const [answers, setAnswers] = useState<Answers>(() =>
    draft ? readAnswers(draft.answers) : initialAnswers(def),
  );
  const [errors, setErrors] = useState<FormError[]>([]);
  const [serverError, setServerError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const { savedAt, touched } = useDraftAutosave(def.id, answers, draft?.savedAt ?? null);
  const summary = useRef<HTMLDivElement>(null);

  const values = flatAnswers(def, answers);
  const documents = useMemo(() => requiredDocuments(def, answers), [def, answers]);
  const changeAnswers = (change: (answers: Answers) => Answers) => {
    touched.current = true;
    setAnswers(change);
  };
  const form: FormContext = {
    values,
    persona,
    // A file field that satisfies a documentation requirement is not optional, whatever its own flag.
    documentFields: new Set(documents.map((d) => d.field)),
    errorFor: (path) => errors.find((e) => e.path === path),
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
    setServerError(undefined);
    const result = validateAnswers(def, answers, persona, { requireDocuments: true });
    setErrors(result.errors);
    if (result.errors.length > 0) {
      summary.current?.focus();
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
      summary.current?.focus();
    } finally {
      setBusy(false);
    }
  };

  return (
    <Page title={textOf(def.name, locale)}>
      <p className="font-lead">{textOf(def.summary, locale)}</p>
      <p>
        <Link to="/services">{t('catalog.back')}</Link>
      </p>
      <div ref={summary} tabIndex={-1}>
        <SubmitProblems
          serverError={serverError}
          errors={errors}
          onSubmitAnyway={(e) => void submit(e, true)}
        />
      </div>
      <form noValidate onSubmit={(e) => void submit(e)}>
        {def.sections
          .filter((s) => sectionVisible(s, values))
          .map((section) => (
            <FormSection key={section.id} section={section} value={answers[section.id]} form={form} />
          ))}
        <DocumentsPanel documents={documents} />
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
