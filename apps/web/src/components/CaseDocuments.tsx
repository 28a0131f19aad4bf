import { useState } from 'react';
import {
  fileIdsOf,
  textOf,
  type TFileInfo,
  type TPortalCase,
  type TStoredServiceDefinition,
} from '@indgang/schemas';
import { readAnswers } from '../api/formAnswers';
import { useI18n } from '../i18n/I18nProvider';
import './caseWork.css';

/** The types the case view shows in the page; the attachment route answers them inline on request. */
const PREVIEWABLE = new Set(['application/pdf', 'image/jpeg', 'image/png']);

/** For each file given in an answer, the label of its file field; files from messages have none. */
function fileFieldLabels(def: TStoredServiceDefinition, sent: Record<string, unknown>, locale: 'da' | 'en') {
  const answers = readAnswers(sent);
  const labels = new Map<string, string>();
  for (const section of def.sections) {
    const value = answers[section.id];
    const items = Array.isArray(value) ? value : value ? [value] : [];
    for (const field of section.fields.filter((f) => f.type === 'file'))
      for (const item of items) {
        for (const id of fileIdsOf(item[field.id])) labels.set(id, textOf(field.label, locale));
      }
  }
  return labels;
}

/** The anchor of a file in the documents list, for links from the answers. */
export const documentAnchor = (fileId: string) => `document-${fileId}`;

/**
 * The case's documents under one heading: the documentation its service requires (and whether a
 * file satisfies it), then every file with what it was given for, a download link, and for PDFs
 * and images a preview in the page. A preview loads only when asked for, since every read of a
 * file is recorded in the audit trail.
 */
export function CaseDocuments({
  def,
  answers,
  documents,
  files,
}: {
  def: TStoredServiceDefinition;
  answers: Record<string, unknown>;
  documents: TPortalCase['documents'];
  files: TFileInfo[];
}) {
  const { t, locale } = useI18n();
  const labels = fileFieldLabels(def, answers, locale);
  const [open, setOpen] = useState<Set<string>>(new Set());
  const toggle = (id: string) =>
    setOpen((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  return (
    <section aria-labelledby="documents-title">
      <h2 id="documents-title">{t('documents.title')}</h2>
      {documents.length > 0 && (
        <>
          <h3 className="h5">{t('documents.required')}</h3>
          <ul className="nobullet-list">
            {documents.map((d) => (
              <li key={d.id}>
                {textOf(d.label, locale)}:{' '}
                <span className={`badge ${d.satisfied ? 'badge-success' : 'badge-warning'}`}>
                  {d.satisfied ? t('documents.attached') : t('documents.missing')}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
      {files.length === 0 ? (
        <p>{t('documents.none')}</p>
      ) : (
        <ul className="documents nobullet-list">
          {files.map((f) => {
            const url = `/api/v1/attachments/${encodeURIComponent(f.id)}`;
            const shown = open.has(f.id);
            const previewId = `preview-${f.id}`;
            return (
              <li key={f.id} id={documentAnchor(f.id)}>
                <div className="document-head">
                  <a
                    href={url}
                    download={f.fileName}
                    aria-label={t('documents.download', { name: f.fileName })}
                  >
                    {f.fileName}
                  </a>
                  <span className="document-source">
                    {labels.get(f.id) ?? t('documents.fromMessage')} ·{' '}
                    {t('documents.size', { kb: Math.max(1, Math.ceil(f.size / 1024)) })}
                  </span>
                  {PREVIEWABLE.has(f.mimeType) && (
                    <button
                      type="button"
                      className="function-link"
                      aria-expanded={shown}
                      aria-controls={previewId}
                      onClick={() => toggle(f.id)}
                    >
                      {shown ? t('documents.hidePreview') : t('documents.openPreview', { name: f.fileName })}
                    </button>
                  )}
                </div>
                {shown && (
                  <div className="document-preview" id={previewId}>
                    {f.mimeType === 'application/pdf' ? (
                      <iframe
                        src={`${url}?view=inline`}
                        title={t('documents.preview', { name: f.fileName })}
                      />
                    ) : (
                      <img src={`${url}?view=inline`} alt={t('documents.preview', { name: f.fileName })} />
                    )}
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
