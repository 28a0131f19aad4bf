import { Link } from 'react-router';
import { Page } from '../components/Page';
import { useI18n } from '../i18n/I18nProvider';

export function NotFoundPage() {
  const { t } = useI18n();
  return (
    <Page title={t('notFound.title')}>
      <p>
        <Link to="/">{t('nav.home')}</Link>
      </p>
    </Page>
  );
}
