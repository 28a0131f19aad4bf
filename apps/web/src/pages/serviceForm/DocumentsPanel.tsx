import type { requiredDocuments } from '@indgang/schemas';
import { CatalogText } from '../../components/CatalogText';
import { useI18n } from '../../i18n/I18nProvider';

/** The documentation the case needs according to the answers so far, and whether it is attached. */
export function DocumentsPanel({ documents }: { documents: ReturnType<typeof requiredDocuments> }) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="docs-heading" className="documents-panel">
      <h2 id="docs-heading">{t('form.documents')}</h2>
      {documents.length === 0 ? (
        <p>{t('form.noDocuments')}</p>
      ) : (
        <ul className="document-list nobullet-list">
          {documents.map((d) => (
            <li key={d.id} data-satisfied={d.satisfied}>
              <span aria-hidden="true">{d.satisfied ? '✓' : '○'}</span> <CatalogText text={d.label} /> –{' '}
              {d.satisfied ? t('form.docAttached') : t('form.docMissing')}
              {d.why && (
                <span className="form-hint">
                  {' '}
                  <CatalogText text={d.why} />
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
