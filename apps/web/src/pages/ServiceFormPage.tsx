import { useParams } from 'react-router';
import type { TServiceForm } from '@indgang/schemas';
import { useApi } from '../api/useApi';
import { ErrorAlert } from '../components/ErrorAlert';
import { Loading } from '../components/Loading';
import { Page } from '../components/Page';
import { useI18n } from '../i18n/I18nProvider';
import { ServiceForm } from './serviceForm/ServiceForm';

/**
 * A service's form: guidance and rules beside the fields they concern, the documentation the case
 * needs shown before submitting, drafts saved as you go, and the same validation the server runs.
 */
export function ServiceFormPage() {
  const { id = '' } = useParams();
  const service = useApi<TServiceForm>(`/api/v1/catalog/services/${encodeURIComponent(id)}`);
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
