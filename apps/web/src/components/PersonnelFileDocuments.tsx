import { useEffect, useState } from 'react';
import { useLookup } from '../api/useLookup';
import { formatDay } from '../i18n/formatDate';
import { useI18n } from '../i18n/I18nProvider';
import { ErrorAlert } from './ErrorAlert';
import { Loading } from './Loading';

/** A document of the personnel file as the `esdh.personnelFile` lookup answers it. */
interface FileDocument {
  documentId: string;
  title: string;
  kind: string;
  documentDate: string | null;
  fileName: string;
  /** Only for a leader or a caseworker: whether the employee herself sees it. */
  visibleToEmployee?: boolean;
}

/** One document's file as the `esdh.document` lookup answers it (its bytes are fetched by link). */
interface DocumentFile {
  fileName: string;
  contentType: string;
  size: number;
}

/** Where the browser opens or saves a fetched document: the lookup's file, for the asker alone, for a few minutes. */
const fileUrl = (lookupId: string, view: 'inline' | 'download') =>
  `/api/v1/lookups/${encodeURIComponent(lookupId)}/file?view=${view}`;

/**
 * The documents of a personnel file (the user's own when `personId` is absent), fetched from the
 * records system when shown, newest first. A document is fetched when asked for (an audited read)
 * and then offered to open as a page of its own or to save, from the lookup's answer, which only
 * the asker can reach and only for a few minutes. With `showVisibility`, a column says whether the
 * employee herself sees each document (a leader's note, say, she does not).
 */
export function PersonnelFileDocuments({
  personId,
  showVisibility = false,
  label,
}: {
  personId?: string;
  showVisibility?: boolean;
  label: string;
}) {
  const { t, locale } = useI18n();
  const list = useLookup<{ documents: FileDocument[] }>('esdh.personnelFile');
  const fetchDocument = useLookup<DocumentFile>('esdh.document');
  const [asked, setAsked] = useState<string | null>(null);
  const runList = list.run;

  useEffect(() => {
    runList(personId ? { personId } : {});
    setAsked(null);
  }, [personId, runList]);

  const view = fetchDocument.view;
  const opened = view.status === 'done' ? { documentId: asked, lookupId: view.id, ...view.result } : null;
  const open = (documentId: string) => {
    setAsked(documentId);
    fetchDocument.run(personId ? { personId, documentId } : { documentId });
  };

  if (list.view.status === 'idle' || list.view.status === 'pending')
    return (
      <div aria-live="polite">
        <Loading />
        <p>{t('papers.fetching')}</p>
      </div>
    );
  if (list.view.status === 'failed')
    return (
      <>
        <ErrorAlert error={list.view.error} />
        <button
          type="button"
          className="button button-secondary"
          onClick={() => runList(personId ? { personId } : {})}
        >
          {t('papers.again')}
        </button>
      </>
    );
  const documents = list.view.result.documents;
  if (documents.length === 0) return <p>{t('papers.none')}</p>;
  return (
    <>
      <p>{documents.length === 1 ? t('papers.countOne') : t('papers.count', { count: documents.length })}</p>
      <table className="table table--compact table--responsive-headers papers-table" aria-label={label}>
        <thead>
          <tr>
            <th scope="col">{t('papers.date')}</th>
            <th scope="col">{t('papers.document')}</th>
            <th scope="col">{t('papers.kind')}</th>
            {showVisibility && <th scope="col">{t('papers.visible')}</th>}
            <th scope="col">
              <span className="sr-only">{t('papers.open')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {documents.map((d) => (
            <tr key={d.documentId}>
              <td className="papers-date" data-title={t('papers.date')}>
                {d.documentDate ? formatDay(d.documentDate, locale) : '–'}
              </td>
              <td data-title={t('papers.document')}>{d.title}</td>
              <td data-title={t('papers.kind')}>{d.kind || '–'}</td>
              {showVisibility && (
                <td data-title={t('papers.visible')}>
                  {d.visibleToEmployee ? t('papers.yes') : t('papers.no')}
                </td>
              )}
              <td className="papers-actions" data-title="" aria-live="polite">
                {opened?.documentId === d.documentId ? (
                  <>
                    <a href={fileUrl(opened.lookupId, 'inline')} target="_blank" rel="noopener noreferrer">
                      {t('papers.openFile', { fileName: opened.fileName })}
                    </a>{' '}
                    <a
                      href={fileUrl(opened.lookupId, 'download')}
                      download={opened.fileName}
                      aria-label={t('papers.saveLabel', { fileName: opened.fileName })}
                    >
                      {t('papers.save')}
                    </a>
                  </>
                ) : (
                  <button
                    type="button"
                    className="button button-secondary"
                    aria-label={t('papers.openLabel', { title: d.title })}
                    disabled={asked === d.documentId && view.status === 'pending'}
                    onClick={() => open(d.documentId)}
                  >
                    {asked === d.documentId && view.status === 'pending'
                      ? t('papers.opening')
                      : t('papers.open')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {asked && view.status === 'failed' && <ErrorAlert error={view.error} />}
    </>
  );
}
