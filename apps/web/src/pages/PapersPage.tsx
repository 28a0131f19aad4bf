import './papers.css';
import { Page } from '../components/Page';
import { Payslips } from '../components/Payslips';
import { PersonnelFileDocuments } from '../components/PersonnelFileDocuments';
import { useI18n } from '../i18n/I18nProvider';
import { useSession } from '../session/SessionProvider';

/**
 * "Mine papirer": the employee's own papers, read from the municipality's systems when she opens
 * the page (each read audited): her payslips from payroll, and the documents of her personnel file
 * that are marked for her.
 */
export function PapersPage() {
  const { t } = useI18n();
  const { me } = useSession();
  return (
    <Page title={t('papers.title')}>
      <p>{t('papers.intro')}</p>
      {me?.personId ? (
        <>
          <section aria-labelledby="papers-payslips">
            <h2 id="papers-payslips">{t('payslips.title')}</h2>
            <Payslips />
          </section>
          <section aria-labelledby="papers-file">
            <h2 id="papers-file">{t('papers.fileTitle')}</h2>
            <PersonnelFileDocuments label={t('papers.fileTitle')} />
          </section>
        </>
      ) : (
        <p>{t('papers.noPerson')}</p>
      )}
    </Page>
  );
}
