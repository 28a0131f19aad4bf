import { useState } from 'react';
import type { TLegalHold, TPersonHit, TRetentionOverview } from '@indgang/schemas';
import type { ApiError } from '../api/apiClient';
import { useApi } from '../api/useApi';
import { ErrorAlert } from '../components/ErrorAlert';
import { Page } from '../components/Page';
import { SuccessNotice } from '../components/SuccessNotice';
import { useI18n } from '../i18n/I18nProvider';
import { LegalHolds } from './privacy/LegalHolds';
import { PersonAccess } from './privacy/PersonAccess';
import { RetentionOverview } from './privacy/RetentionOverview';

/**
 * For the administrator: a person's data on request (GDPR art. 15) as PDF or JSON, legal holds
 * that stop the retention run, and each service's classification and retention rule.
 */
export function PrivacyPage() {
  const { t } = useI18n();
  const [error, setError] = useState<ApiError>();
  const [done, setDone] = useState('');
  const [holdCase, setHoldCase] = useState('');
  const [holdPerson, setHoldPerson] = useState<TPersonHit | null>(null);
  const holds = useApi<TLegalHold[]>('/api/v1/privacy/legal-holds');
  const overview = useApi<TRetentionOverview>('/api/v1/privacy/retention');
  return (
    <Page title={t('privacy.title')}>
      <ErrorAlert error={error ?? holds.error ?? overview.error} />
      <SuccessNotice text={done} />

      <PersonAccess
        setError={setError}
        onHold={(p) => {
          setHoldPerson(p);
          setHoldCase('');
        }}
      />

      <LegalHolds
        holds={holds}
        holdPerson={holdPerson}
        clearHoldPerson={() => setHoldPerson(null)}
        holdCase={holdCase}
        setHoldCase={setHoldCase}
        setError={setError}
        setDone={setDone}
      />

      <RetentionOverview overview={overview} />
    </Page>
  );
}
